import Link from 'next/link';
import { LocalTime } from '@/components/local-time';
import { StatusBadge } from '@/components/status-badge';
import type { Actor } from '@/lib/auth/actor';
import { formatDuration } from '@/lib/format';
import { PROVIDERS } from '@/lib/providers/registry';
import { listOtherCalls, type OtherCall } from '@/lib/queries/calls/detail';

export const OTHER_CALLS_LIMIT = 10;

function Row({ call }: { call: OtherCall }) {
  return (
    <li>
      <Link href={`/calls/${call.id}`} data-testid="other-call" className="block rounded px-2 py-2 hover:bg-slate-50">
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <LocalTime value={call.occurredAt} className="text-slate-700" />
          <span className="text-slate-600">{PROVIDERS[call.provider]?.label ?? call.provider}</span>
          <StatusBadge status={call.status} />
          <span className="text-slate-500">{formatDuration(call.durationSeconds)}</span>
        </span>
        {call.summary && <span className="mt-0.5 block truncate text-xs text-slate-500">{call.summary}</span>}
      </Link>
    </li>
  );
}

/** The customer's other calls. Streamed after the rest of the page, so it never holds up the first paint. */
export async function OtherCalls({ actor, callId, hasNumber }: { actor: Actor; callId: string; hasNumber: boolean }) {
  if (!hasNumber) return <p className="text-sm text-slate-500">The provider sent no customer number, so other calls cannot be matched.</p>;
  let calls: OtherCall[];
  try {
    calls = await listOtherCalls(actor, callId, OTHER_CALLS_LIMIT);
  } catch (error) {
    console.error('[call detail] other calls failed', error);
    return (
      <p role="alert" className="text-sm text-red-700">
        Other calls could not be loaded. Reload the page to try again.
      </p>
    );
  }
  if (calls.length === 0) return <p className="text-sm text-slate-500">No other calls with this number.</p>;
  return (
    <div className="space-y-1">
      <ul className="-mx-2 divide-y divide-slate-100" data-testid="other-calls">
        {calls.map((call) => (
          <Row key={call.id} call={call} />
        ))}
      </ul>
      {calls.length === OTHER_CALLS_LIMIT && <p className="text-xs text-slate-500">The {OTHER_CALLS_LIMIT} most recent.</p>}
    </div>
  );
}

export function OtherCallsSkeleton() {
  return (
    <div className="space-y-2" role="status" aria-busy="true" aria-label="Loading other calls">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
