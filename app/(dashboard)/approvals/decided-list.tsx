import { ActionStatusBadge } from '@/components/action-status-badge';

// What was just decided on this page, with what became of it: the queue's receipt.

export interface DecidedEntry {
  id: string;
  kind: string;
  customer: string;
  status: string;
  message: string;
}

export function DecidedList({ entries }: { entries: DecidedEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-label="Decided just now" className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-700">Decided just now</h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {entries.map((e) => (
          <li key={e.id} data-testid="decided-action" data-decided-id={e.id} className="flex flex-wrap items-center gap-3 px-4 py-2">
            <ActionStatusBadge status={e.status} />
            <span className="font-medium">{e.kind.replace(/_/g, ' ')}</span>
            <span className="text-slate-600">{e.customer}</span>
            <span className="text-slate-500">{e.message}</span>
            <a href={`/approvals/${e.id}`} className="ml-auto text-slate-600 underline">
              History
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
