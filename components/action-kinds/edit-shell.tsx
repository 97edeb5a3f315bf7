'use client';
import type { FormEvent, ReactNode } from 'react';
import type { ZodError } from 'zod';

// What every kind's edit form shares: the frame with Save and approve / Cancel, and the problems
// its schema found. The forms build the payload the API takes and check it with the very schema
// the API uses, so a mistake is named here, before the server says the same.

export const issues = (error: ZodError) => error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`);
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
export const inputClass = 'mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1';

export function EditShell({
  title,
  problems,
  busy,
  onCancel,
  onSubmit,
  children,
}: {
  title: string;
  problems: string[];
  busy: boolean;
  onCancel: () => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form
      onSubmit={onSubmit}
      // A letter typed in the form is the form's: with focus on one of its buttons (Remove, Add an
      // item, Save), "a" must not reach the queue's shortcuts and approve the action as it came.
      onKeyDown={(event) => {
        if (event.key.length === 1 && !event.metaKey && !event.ctrlKey && !event.altKey) event.stopPropagation();
      }}
      aria-label={title}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      data-testid="edit-form"
    >
      {children}
      {problems.length > 0 && (
        <ul role="alert" className="list-inside list-disc text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40">
          Save and approve
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 hover:bg-white">
          Cancel
        </button>
      </div>
    </form>
  );
}
