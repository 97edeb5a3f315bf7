import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { googleSignInEnabled } from '@/lib/auth/auth';
import { safeNextPath } from '@/lib/auth/next-path';
import { SignInForm } from './sign-in-form';

export const metadata = { title: 'Sign in · Callboard' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  // Only a page of ours (lib/auth/next-path.ts): never bounce a fresh session to another origin.
  const target = safeNextPath(typeof next === 'string' ? next : null);
  // Someone already signed in who follows a shared link goes straight on to it.
  if (await currentActor()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Callboard</h1>
        <p className="mt-1 text-sm text-slate-600">Accounts are created by your Callboard admin.</p>
        <SignInForm next={target} google={googleSignInEnabled()} />
      </div>
    </main>
  );
}
