'use client';
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from 'react';
import type { TokenOwnerOption } from '@/lib/queries/admin/tokens';
import { type CreateApiTokenResult, createApiTokenAction } from '@/lib/server-actions/create-api-token';
import { OneTimeSecret } from '../one-time-secret';

const field = 'mt-1 w-full rounded border border-slate-300 px-3 py-2';

export function CreateTokenForm({ owners, defaultOwnerId }: { owners: TokenOwnerOption[]; defaultOwnerId: string }) {
  const [result, createToken, pending] = useActionState<CreateApiTokenResult | null, FormData>(createApiTokenAction, null);
  const formRef = useRef<HTMLFormElement>(null);

  // Submitted by hand so a refused form keeps its values (React resets `action` forms every time).
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => createToken(data));
  }

  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-medium">Create a token</h2>
      <form ref={formRef} onSubmit={onSubmit} aria-label="Create a token" className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <label className="block text-sm">
          <span className="text-slate-700">Token name</span>
          <input name="name" type="text" required maxLength={80} autoComplete="off" placeholder="e.g. nightly export" className={field} />
        </label>
        <label className="block text-sm">
          <span className="text-slate-700">Acts as user</span>
          <select name="userId" defaultValue={defaultOwnerId} className={field}>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.email} ({owner.role})
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <p className="text-xs text-slate-500">The token carries the chosen user&apos;s role, and follows it if the role changes.</p>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-red-700">
          {result.error}
        </p>
      )}
      {result?.ok && <OneTimeSecret title={`Token “${result.name}” acting as ${result.ownerEmail}:`} value={result.token} testId="new-token" />}
    </div>
  );
}
