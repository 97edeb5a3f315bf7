'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { inputClass } from '@/components/action-kinds/edit-shell';

// A rejection needs a reason a person can read later: blank or spaces-only is refused here (and
// by the server), and the team's common reasons are one click away (a click fills the field,
// Enter or Reject sends it).

export function ReasonChips({ reasons, onPick }: { reasons: string[]; onPick: (reason: string) => void }) {
  if (reasons.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap gap-1" aria-label="Common reasons">
      {reasons.map((reason) => (
        <button
          key={reason}
          type="button"
          onClick={() => onPick(reason)}
          className="rounded-full border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:border-slate-500 hover:bg-slate-100"
        >
          {reason}
        </button>
      ))}
    </fieldset>
  );
}

export function RejectForm({
  busy,
  reasons,
  label = 'Reason for rejecting',
  submitLabel = 'Reject',
  onSubmit,
  onCancel,
}: {
  busy: boolean;
  reasons: string[];
  label?: string;
  submitLabel?: string;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const form = useRef<HTMLFormElement>(null);
  // The form opens on the user's own action (r, or Reject): the reason is typed at once, and the
  // common reasons below it are in view.
  useEffect(() => {
    input.current?.focus({ preventScroll: true });
    form.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <form
      ref={form}
      aria-label="Reject"
      noValidate
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = reason.trim();
        if (!trimmed) {
          setError('Write a reason, or pick one of the common reasons.');
          input.current?.focus();
          return;
        }
        onSubmit(trimmed);
      }}
    >
      <div className="flex flex-wrap items-start gap-2">
        <label className="min-w-64 flex-1 text-xs text-slate-600">
          {label}
          <input
            ref={input}
            name="reason"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim()) setError(null);
            }}
            maxLength={1000}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className={inputClass}
          />
          {error && (
            <span id={errorId} role="alert" className="mt-1 block text-xs text-red-700">
              {error}
            </span>
          )}
        </label>
        <div className="flex gap-2 pt-4">
          <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-600 disabled:opacity-40">
            {submitLabel}
          </button>
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 hover:bg-white">
            Cancel
          </button>
        </div>
      </div>
      <ReasonChips
        reasons={reasons}
        onPick={(picked) => {
          setReason(picked);
          setError(null);
          input.current?.focus();
        }}
      />
    </form>
  );
}
