import type { ReactNode } from 'react';
import type { CallGroup } from './view-model';
import { formatAge, formatLeft } from './view-model';

// One call, one card: the customer as the call's actions name them, what the call was about,
// how long it has waited, and its actions (or what became of them) one under another.

export function CallCard({ group, now, children }: { group: CallGroup; now: number; children: ReactNode }) {
  const first = group.items[0];
  const call = first?.call ?? null;
  const count = group.items.length;
  return (
    <li
      data-testid="call-card"
      data-call-id={group.callId ?? undefined}
      data-since={group.since}
      data-deadline={group.deadline ?? undefined}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
    >
      <div className="space-y-1 border-b border-slate-100 bg-slate-50/70 px-4 py-2">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-sm">
          <span className="font-semibold" data-testid="call-customer">
            {group.customer.name ?? 'Unknown customer'}
          </span>
          <span className="font-mono text-xs text-slate-600">{group.customer.number ?? '—'}</span>
          {group.callId && (
            <a href={`/calls/${group.callId}`} className="text-xs text-slate-600 underline">
              Call {call?.providerCallId ?? ''}
            </a>
          )}
          {first?.customerHref && (
            <a href={first.customerHref} className="text-xs text-slate-600 underline" data-testid="customer-link">
              Customer's page
            </a>
          )}
          <span className="text-xs text-slate-500">
            {count} action{count === 1 ? '' : 's'} · waiting {formatAge(new Date(group.since).toISOString(), now)}
          </span>
          {group.deadline !== null && (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" data-testid="call-deadline">
              window closes in {formatLeft(group.deadline - now)}
            </span>
          )}
        </div>
        {group.summary && (
          <p className="line-clamp-2 text-sm text-slate-700" data-testid="call-summary">
            {group.summary}
          </p>
        )}
      </div>
      <ul className="divide-y divide-slate-200">{children}</ul>
    </li>
  );
}
