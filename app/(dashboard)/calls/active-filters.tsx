'use client';
import { activeFilterCount, type CallView, clearFilters } from '@/lib/call-view-filters';

// What is filtering the list right now, each removable on its own, so an empty list is never a
// mystery.

interface Chip {
  label: string;
  remove: Partial<CallView>;
}

function chips(view: CallView, providerLabels: Record<string, string>): Chip[] {
  const out: Chip[] = [];
  const rangeLabels = { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days' } as const;
  if (view.q) out.push({ label: `Search: “${view.q}”`, remove: { q: undefined } });
  if (view.range) out.push({ label: rangeLabels[view.range], remove: { range: undefined } });
  else if (view.from || view.to)
    out.push({ label: `${view.from?.slice(0, 10) ?? '…'} – ${view.to?.slice(0, 10) ?? '…'}`, remove: { from: undefined, to: undefined } });
  if (view.provider?.length) out.push({ label: `Provider: ${view.provider.map((p) => providerLabels[p] ?? p).join(', ')}`, remove: { provider: undefined } });
  if (view.status?.length) out.push({ label: `Status: ${view.status.map((s) => s.replace(/_/g, ' ')).join(', ')}`, remove: { status: undefined } });
  if (view.outcome) out.push({ label: `Outcome: ${view.outcome}`, remove: { outcome: undefined } });
  if (view.success) out.push({ label: view.success === 'yes' ? 'Successful' : 'Not successful', remove: { success: undefined } });
  if (view.pending) out.push({ label: view.pending === 'yes' ? 'Awaiting approval' : 'Nothing awaiting approval', remove: { pending: undefined } });
  if (view.agent) out.push({ label: `Agent: ${view.agent}`, remove: { agent: undefined } });
  if (view.meta) out.push({ label: `${view.meta.key} = ${view.meta.value}`, remove: { meta: undefined } });
  return out;
}

export function ActiveFilters({
  view,
  providerLabels,
  onChange,
}: {
  view: CallView;
  providerLabels: Record<string, string>;
  onChange: (next: CallView) => void;
}) {
  if (activeFilterCount(view) === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-2 text-xs" aria-label="Active filters">
      {chips(view, providerLabels).map((chip) => (
        <li
          key={chip.label}
          className="inline-flex items-center gap-1 rounded-full bg-blue-50 py-0.5 pl-2.5 pr-1 text-blue-900 ring-1 ring-inset ring-blue-200"
        >
          {chip.label}
          <button
            type="button"
            onClick={() => onChange({ ...view, ...chip.remove })}
            className="rounded-full px-1 hover:bg-blue-100"
            aria-label={`Remove filter ${chip.label}`}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" onClick={() => onChange(clearFilters(view))} className="text-blue-700 underline-offset-2 hover:underline">
          Clear all
        </button>
      </li>
    </ul>
  );
}
