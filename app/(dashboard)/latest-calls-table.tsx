import { StatusBadge } from '@/components/status-badge';
import { formatDateTime, formatDuration } from '@/lib/format';
import { PROVIDERS } from '@/lib/providers/registry';
import type { CallListItem } from '@/lib/queries/calls';

export function LatestCallsTable({ calls }: { calls: CallListItem[] }) {
  if (calls.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
        <p className="font-medium">No calls yet</p>
        <p className="mt-1 text-sm">Point a provider&apos;s webhook at <code>/api/webhooks/&lt;provider&gt;</code> and calls appear here.</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">Call time</th>
            <th className="px-4 py-2">Provider</th>
            <th className="px-4 py-2">Status</th>
            <th className="px-4 py-2">Customer</th>
            <th className="px-4 py-2">Duration</th>
            <th className="px-4 py-2">Attempts</th>
            <th className="px-4 py-2">Summary</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
