'use client';
import { useActionState } from 'react';
import { ActionResult } from '@/components/action-result';
import { type SetBreakdownKeysResult, setBreakdownKeysAction } from '@/lib/server-actions/set-breakdown-keys';

export function BreakdownKeysForm({ current, max }: { current: string[]; max: number }) {
  const [result, save, pending] = useActionState<SetBreakdownKeysResult | null, FormData>(setBreakdownKeysAction, null);
  const text = current.join('\n');
  return (
    <form action={save} className="mt-4 space-y-2">
      <label htmlFor="breakdownKeys" className="block text-sm font-medium">
        Breakdown keys, one per line (at most {max})
      </label>
      {/* Keyed by the stored value: after saving, the field shows what the database holds. */}
      <textarea
        key={text}
        id="breakdownKeys"
        name="keys"
        defaultValue={text}
        rows={4}
        spellCheck={false}
        className="block w-64 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {pending ? 'Saving…' : 'Save'}
      </button>
      <ActionResult result={result} size="sm" />
    </form>
  );
}
