'use client';
import { type FormEvent, useState, useSyncExternalStore } from 'react';
import { authClient } from '@/lib/auth/client';

const noSubscription = () => () => {};

/** False in the server's HTML and until React has hydrated the form, true after. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function SignInForm({ next, google }: { next: string; google: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Before hydration a click would submit the form natively, a GET that puts the password in the
  // URL (history, logs) and signs no one in; a slow device or a loaded machine shows that window.
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (failure) {
      setPending(false);
      setError(failure.status === 429 ? 'Too many attempts. Wait a minute and try again.' : 'That email and password do not match an account.');
      return;
    }
    // A full navigation, so server components render with the new session cookie.
    window.location.assign(next);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4">
      <label className="block text-sm">
        <span className="text-slate-700">Email</span>
        <input name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">Password</span>
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="w-full rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      {google && (
        <button
          type="button"
          disabled={!hydrated}
          onClick={() => void authClient.signIn.social({ provider: 'google', callbackURL: next })}
          className="w-full rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
        >
          Sign in with Google
        </button>
      )}
    </form>
  );
}
