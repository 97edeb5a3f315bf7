import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import type { CallRow } from '@/lib/schemas/calls';
import { formatShortDateTime } from '@/lib/time-zone';
import { type CellContext, type Column, type ColumnId, callTime } from './columns';

// The list on a phone: one card per call, each a link to the call, showing the same cells as
// the table (and honouring the same hidden columns). Empty cells are left out, not dashed.

const DETAILS: ColumnId[] = ['direction', 'agent', 'outcome', 'duration', 'success', 'credits', 'pending', 'activity'];

export function CallCards({ rows, columns, ctx }: { rows: CallRow[]; columns: Column[]; ctx: CellContext }) {
  const shown = new Map(columns.map((c) => [c.id, c]));
  const details = DETAILS.flatMap((id) => shown.get(id) ?? []);
  return (
    <ul className="space-y-2 md:hidden" aria-label="Calls">
      {rows.map((call) => (
        <li key={call.id} data-testid="call-card" data-provider={call.provider}>
          <Link
            href={`/calls/${call.id}`}
            className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
          >
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="truncate font-mono text-sm text-slate-900">{call.customerNumber ?? 'Unknown number'}</p>
                <p className="text-xs text-slate-500">
                  {shown.has('provider') && <>{ctx.providerLabels[call.provider] ?? call.provider} · </>}
                  {formatShortDateTime(new Date(callTime(call)), ctx.timeZone, ctx.now)}
                </p>
              </div>
              {shown.has('status') && <StatusBadge status={call.status} />}
            </div>
            <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
              {details
                .filter((c) => !c.empty?.(call))
                .map((c) => (
                  <div key={c.id} className="flex min-w-0 items-baseline gap-1">
                    <dt className="text-slate-500">{c.label}</dt>
                    <dd className="truncate text-slate-800">{c.cell(call, ctx)}</dd>
                  </div>
                ))}
            </dl>
          </Link>
        </li>
      ))}
    </ul>
  );
}
