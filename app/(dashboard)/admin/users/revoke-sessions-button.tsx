'use client';
import { useActionState } from 'react';
import { ActionResult } from '@/components/action-result';
import { type RevokeSessionsResult, revokeSessionsAction } from '@/lib/server-actions/revoke-sessions';

export function RevokeSessionsButton({ userId, email, sessions, self }: { userId: string; email: string; sessions: number; self: boolean }) {
  const [result, revoke, pending] = useActionState<RevokeSessionsResult | null, FormData>(revokeSessionsAction, null);
  return (
    <form action={revoke} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-3">
        <span data-testid="session-count" className="tabular-nums">
          {sessions}
        </span>
        <button
          type="submit"
          disabled={pending}
          aria-label={`Revoke sessions for ${email}`}
          title={self ? 'This signs you out too' : undefined}
          className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60"
        >
          Revoke sessions
        </button>
      </div>
      <ActionResult result={result} />
    </form>
  );
}
