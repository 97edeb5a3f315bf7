import { DataTable, EmptyState } from '@/components/data-table';
import { formatDateTime } from '@/lib/format';
import type { AuditListItem } from '@/lib/queries/admin/audit';
import { auditChangeDetail, formatAuditChange } from './format-change';

function target(entry: AuditListItem): string {
  if (!entry.targetType) return '—';
  const type = entry.targetType.replace(/_/g, ' ');
  return `${type} ${entry.targetLabel ?? entry.targetId ?? ''}`.trim();
}

export function AuditTable({ entries, filtered }: { entries: AuditListItem[]; filtered: boolean }) {
  if (entries.length === 0) {
    return (
      <EmptyState title={filtered ? 'No entries for this action' : 'No audit entries yet'}>
        Sign-ins, user and role changes, tokens and decisions are recorded here as they happen.
      </EmptyState>
    );
  }
  return (
    <DataTable columns={['Time', 'Actor', 'Action', 'Target', 'Before → after', 'IP']}>
      {entries.map((entry) => (
        <tr key={entry.id} data-testid="audit-row" data-action={entry.action} className="align-top hover:bg-slate-50">
          <td className="whitespace-nowrap px-4 py-2 text-slate-600">
            <time dateTime={entry.at.toISOString()} title={entry.at.toISOString()}>
              {formatDateTime(entry.at)}
            </time>
          </td>
          <td className="whitespace-nowrap px-4 py-2">{entry.actorEmail ?? '—'}</td>
          <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{entry.action}</td>
          <td className="max-w-56 truncate px-4 py-2 text-slate-600" title={entry.targetId ?? undefined}>
            {target(entry)}
          </td>
          <td className="max-w-md px-4 py-2 font-mono text-xs text-slate-700" title={auditChangeDetail(entry.before, entry.after)}>
            {formatAuditChange(entry.before, entry.after)}
          </td>
          <td className="whitespace-nowrap px-4 py-2 font-mono text-xs text-slate-600">{entry.ip ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
