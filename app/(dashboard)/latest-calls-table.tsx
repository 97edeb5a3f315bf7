import { DataTable, EmptyState } from '@/components/data-table';
import { StatusBadge } from '@/components/status-badge';
import { formatDateTime, formatDuration } from '@/lib/format';
import { PROVIDERS } from '@/lib/providers/registry';
import type { CallListItem } from '@/lib/queries/calls';

export function LatestCallsTable({ calls }: { calls: CallListItem[] }) {
  if (calls.length === 0) {
    return <EmptyState title="No calls yet">Point a provider&apos;s webhook at <code>/api/webhooks/&lt;provider&gt;</code> and calls appear here.</EmptyState>;
  }
  return (
    <DataTable columns={['Call time', 'Provider', 'Status', 'Customer', 'Duration', 'Attempts', 'Summary']}>
          {calls.map((call) => (
            <tr key={call.id} data-testid="call-row" data-provider={call.provider} className="hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-2 text-slate-600" title={`Last event received ${formatDateTime(call.lastEventAt)}`}>
                {formatDateTime(call.startedAt ?? call.endedAt ?? call.lastEventAt)}
              </td>
              <td className="whitespace-nowrap px-4 py-2">{PROVIDERS[call.provider]?.label ?? call.provider}</td>
              <td className="px-4 py-2"><StatusBadge status={call.status} /></td>
              <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{call.customerNumber ?? '—'}</td>
              <td className="whitespace-nowrap px-4 py-2">{formatDuration(call.durationSeconds)}</td>
              <td className="px-4 py-2">{call.attempts}</td>
              <td className="max-w-md truncate px-4 py-2 text-slate-600" title={call.summary ?? undefined}>{call.summary ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
  );
}
