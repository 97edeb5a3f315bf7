import { redirect } from 'next/navigation';

// The home page is the calls list.
export default function HomePage() {
  redirect('/calls');
}
