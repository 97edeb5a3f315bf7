import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/status-badge';
import { formatDuration } from '@/lib/format';
import type { CallRow, CallSort } from '@/lib/schemas/calls';
import { formatShortDateTime } from '@/lib/time-zone';

// The calls table's columns: what each shows, whether it sorts, whether it starts hidden. The
// cards on a phone show the same cells, so a call reads the same on both.

export interface CellContext {
  timeZone: string;
  now: Date;
  providerLabels: Record<string, string>;
}

export const COLUMN_IDS = [
  'time',
  'activity',
  'provider',
  'direction',
  'customer',
  'agent',
  'status',
  'outcome',
  'duration',
  'success',
  'credits',
  'pending',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface Column {
  id: ColumnId;
  label: string;
  sort?: CallSort;
  /** The time column links to the call; it stays, so every row keeps its link. */
  required?: boolean;
  defaultHidden?: boolean;
  align?: 'right';
  cell: (call: CallRow, ctx: CellContext) => ReactNode;
  /** Nothing to say for this call: a card leaves the line out instead of showing a dash. */
  empty?: (call: CallRow) => boolean;
}

const dash = <span className="text-slate-400">—</span>;

/** When the call happened: its start, else its first provider-stamped event, else its first receipt. */
export function callTime(call: CallRow): string {
  return call.occurredAt;
}

/** The agent, or failing that the application; Mirai v1 names only a campaign in metadata. */
export function agentOf(call: CallRow): string | null {
  const campaign = call.metadata.campaign;
  return call.agentId ?? call.applicationId ?? (typeof campaign === 'string' ? campaign : null);
}

function Time({ call, ctx }: { call: CallRow; ctx: CellContext }) {
  const at = new Date(callTime(call));
  return (
    <Link
      href={`/calls/${call.id}`}
      className="whitespace-nowrap font-medium text-slate-900 hover:underline"
      title={`${call.startedAt ? 'Started' : 'Happened'} ${at.toISOString()}`}
      tabIndex={-1}
    >
      {formatShortDateTime(at, ctx.timeZone, ctx.now)}
    </Link>
  );
}

function Success({ value }: { value: boolean | null }) {
  if (value === null) return dash;
  return value ? <span className="text-green-700">✓ yes</span> : <span className="text-red-700">✗ no</span>;
}

export const COLUMNS: Column[] = [
  { id: 'time', label: 'Time', sort: 'happened', required: true, cell: (c, ctx) => <Time call={c} ctx={ctx} /> },
  {
    // Latest activity: a late event, a provider's retry or a reprocess moves it, never the time.
    id: 'activity',
    label: 'Updated',
    sort: 'activity',
    cell: (c, ctx) => <span className="whitespace-nowrap">{formatShortDateTime(new Date(c.lastEventAt), ctx.timeZone, ctx.now)}</span>,
  },
  { id: 'provider', label: 'Provider', cell: (c, ctx) => ctx.providerLabels[c.provider] ?? c.provider },
  {
    id: 'direction',
    label: 'In/out',
    empty: (c) => !c.direction,
    cell: (c) => (c.direction ? <span title={c.direction}>{c.direction === 'inbound' ? '↙ in' : '↗ out'}</span> : dash),
  },
  { id: 'customer', label: 'Customer', cell: (c) => (c.customerNumber ? <span className="font-mono text-xs">{c.customerNumber}</span> : dash) },
  { id: 'agent', label: 'Agent', empty: (c) => !agentOf(c), cell: (c) => agentOf(c) ?? dash },
  { id: 'status', label: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { id: 'outcome', label: 'Outcome', empty: (c) => !c.outcome, cell: (c) => (c.outcome ? c.outcome.replace(/_/g, ' ') : dash) },
  {
    id: 'duration',
    label: 'Duration',
    sort: 'duration',
    align: 'right',
    empty: (c) => c.durationSeconds === null,
    cell: (c) => (c.durationSeconds === null ? dash : formatDuration(c.durationSeconds)),
  },
  { id: 'success', label: 'Success', empty: (c) => c.success === null, cell: (c) => <Success value={c.success} /> },
  {
    id: 'credits',
    label: 'Credits',
    sort: 'credits',
    align: 'right',
    empty: (c) => c.creditsUsed === null,
    cell: (c) => (c.creditsUsed === null ? dash : c.creditsUsed.toLocaleString('en', { maximumFractionDigits: 2 })),
  },
  {
    id: 'pending',
    label: 'Pending',
    align: 'right',
    empty: (c) => c.pendingActions === 0,
    cell: (c) =>
      c.pendingActions > 0 ? (
        <span
          className="rounded-full bg-status-waiting/20 px-2 py-0.5 text-xs font-medium text-amber-800"
          title={`${c.pendingActions} action(s) awaiting approval`}
        >
          {c.pendingActions}
        </span>
      ) : (
        dash
      ),
  },
];
