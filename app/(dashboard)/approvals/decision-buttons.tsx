'use client';
import { useActionState } from 'react';
import { decideActionAction, type DecideResult } from '@/lib/actions/decide-action';

export function DecisionButtons({ id, disabledReason }: { id: string; disabledReason: string | null }) {
  const [result, formAction, pending] = useActionState<DecideResult | null, FormData>(decideActionAction, null);
  const disabled = disabledReason !== null || pending || result?.ok === true;
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {result && <span role="status" className={result.ok ? 'text-green-700' : 'text-red-700'}>{result.ok ? result.status : result.error}</span>}
      <button name="decision" value="approve" disabled={disabled} title={disabledReason ?? undefined}
        className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-40">
        Approve
      </button>
      <button name="decision" value="reject" disabled={disabled} title={disabledReason ?? undefined}
        className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40">
        Reject
      </button>
    </form>
  );
}
