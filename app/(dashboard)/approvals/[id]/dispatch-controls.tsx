'use client';
import { useActionState } from 'react';
import { type MarkSentResult, markActionSentAction } from '@/lib/server-actions/mark-action-sent';
import { type RedispatchResult, redispatchActionAction } from '@/lib/server-actions/redispatch-action';

// What a person can do after approval: send a failed, needs-check or never-sent action again
// (same key), or close a needs-check one after finding that it did arrive.

function Outcome({ result }: { result: { ok: true; message: string } | { ok: false; error: string } | null }) {
  if (!result) return null;
  return (
    <span role="status" className={result.ok ? 'text-green-800' : 'text-red-700'}>
      {result.ok ? result.message : result.error}
    </span>
  );
}

export function DispatchControls({ id, outboxStatus }: { id: string; outboxStatus: string }) {
  const [sent, redispatch, sending] = useActionState<RedispatchResult | null, FormData>(redispatchActionAction, null);
  const [marked, markSent, marking] = useActionState<MarkSentResult | null, FormData>(markActionSentAction, null);
  const canResend = ['failed', 'needs_check', 'skipped'].includes(outboxStatus);
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      {canResend && (
        <form action={redispatch} className="flex items-center gap-2">
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            disabled={sending || sent?.ok === true}
            className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40"
          >
            {outboxStatus === 'skipped' ? 'Send now' : 'Re-dispatch'}
          </button>
          <Outcome result={sent} />
        </form>
      )}
      {outboxStatus === 'needs_check' && (
        <form action={markSent} className="flex items-end gap-2">
          <input type="hidden" name="id" value={id} />
          <label className="text-xs text-slate-600">
            Reference (order number, message id)
            <input name="reference" maxLength={500} className="mt-0.5 block rounded border border-slate-300 px-2 py-1" />
          </label>
          <button
            type="submit"
            disabled={marking || marked?.ok === true}
            className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-40"
          >
            It arrived: mark as sent
          </button>
          <Outcome result={marked} />
        </form>
      )}
    </div>
  );
}
