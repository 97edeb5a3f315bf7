'use client';
import { useActionState, useState } from 'react';
import { ActionResult } from '@/components/action-result';
import { type ReprocessActionResult, reprocessAction } from '@/lib/server-actions/reprocess';

type Target = { callId: string } | { deliveryId: string };

/**
 * Rebuilds one call, or one delivery, from the stored raw bodies with the code running now
 * (admins only: the page shows it to them, the action checks again). Asks before it runs: a run
 * rewrites events and the call row, and is written to the audit log.
 */
export function ReprocessButton({ target, question }: { target: Target; question: string }) {
  const [result, run, pending] = useActionState<ReprocessActionResult | null, FormData>(reprocessAction, null);
  const [confirming, setConfirming] = useState(false);
  const shown = result && (result.ok ? { ok: true as const, message: result.message } : { ok: false as const, error: result.message });
  const [name, value] = 'callId' in target ? ['callId', target.callId] : ['deliveryId', target.deliveryId];
  const base = 'rounded border px-2 py-1 text-xs disabled:opacity-60';
  const button = `${base} border-slate-300 bg-white hover:bg-slate-50`;
  return (
    <form action={run} onSubmit={() => setConfirming(false)} className="space-y-1" data-testid="reprocess">
      <input type="hidden" name={name} value={value} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <span className="text-slate-700">{question}</span>
          <button type="submit" disabled={pending} className={`${base} border-slate-800 bg-slate-800 text-white hover:bg-slate-700`}>
            Reprocess
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={button}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" disabled={pending} onClick={() => setConfirming(true)} className={button}>
          {pending ? 'Reprocessing…' : 'Reprocess'}
        </button>
      )}
      <ActionResult result={shown} />
    </form>
  );
}
