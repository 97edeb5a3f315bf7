import Link from 'next/link';
import { EmptyState } from '@/components/data-table';

export default function CallNotFound() {
  return (
    <div className="space-y-4">
      <Link href="/calls" className="text-sm text-slate-600 hover:text-slate-900">
        ← Calls
      </Link>
      <EmptyState title="No call with this id">Check the link: the id may be incomplete.</EmptyState>
    </div>
  );
}
