'use client';
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from 'react';
import { ROLES } from '@/lib/auth/roles';
import { PASSWORD_MIN_LENGTH } from '@/lib/schemas/users';
import { type CreateUserResult, createUserAction } from '@/lib/server-actions/create-user';
import { OneTimeSecret } from '../one-time-secret';

const field = 'mt-1 w-full rounded border border-slate-300 px-3 py-2';

export function CreateUserForm() {
  const [result, createUser, pending] = useActionState<CreateUserResult | null, FormData>(createUserAction, null);
  const formRef = useRef<HTMLFormElement>(null);

  // Submitted by hand rather than through `action`, because React resets an action form after
  // every submission, and a refused one should keep what the admin typed.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => createUser(data));
  }

  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-medium">Create a user</h2>
      <form ref={formRef} onSubmit={onSubmit} aria-label="Create a user" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <label className="block text-sm">
          <span className="text-slate-700">Email</span>
          <input name="email" type="email" required autoComplete="off" className={field} />
        </label>
        <label className="block text-sm">
          <span className="text-slate-700">Name</span>
          <input name="name" type="text" autoComplete="off" placeholder="Optional" className={field} />
        </label>
        <label className="block text-sm">
          <span className="text-slate-700">Role</span>
          <select name="role" defaultValue="viewer" className={field}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="text-slate-700">Initial password</span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            placeholder="Blank: generate one"
            aria-describedby="password-hint"
            className={field}
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {pending ? 'Creating…' : 'Create user'}
        </button>
      </form>
      <p id="password-hint" className="text-xs text-slate-500">
        At least {PASSWORD_MIN_LENGTH} characters. Leave it blank to generate one, shown once after the user is created.
      </p>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-red-700">
          {result.error}
        </p>
      )}
      {result?.ok &&
        (result.generatedPassword ? (
          <OneTimeSecret title={`Created ${result.email}. Their generated password:`} value={result.generatedPassword} testId="new-password" />
        ) : (
          <p role="status" className="text-sm text-green-700">
            Created {result.email} with the password you chose.
          </p>
        ))}
    </div>
  );
}
