import Link from 'next/link';
import type { ReactNode } from 'react';
import { LocalTime } from '@/components/local-time';
import { StatusBadge } from '@/components/status-badge';
import { formatMoney, readAnalysis } from '@/lib/calls/analysis';
import { humanizeKey } from '@/lib/calls/key-values';
import { httpUrl } from '@/lib/calls/links';
import { formatDuration } from '@/lib/format';
import { providerNotes } from '@/lib/providers/registry';
import type { CallDetailView } from '@/lib/queries/calls/detail';

function Fact({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`break-words ${mono ? 'font-mono text-xs leading-5' : ''}`}>{children ?? '—'}</dd>
    </div>
  );
}

function outcome(call: CallDetailView): string {
  const verdict = call.success === true ? 'Successful' : call.success === false ? 'Not successful' : null;
  return [verdict, call.disposition && humanizeKey(call.disposition)].filter(Boolean).join(' · ') || '—';
}

function credits(call: CallDetailView): string {
  if (call.creditsUsed === null) return '—';
  const left = call.creditsAvailable === null ? '' : ` (${call.creditsAvailable.toLocaleString('en')} left)`;
  return `${call.creditsUsed.toLocaleString('en')} used${left}`;
}

const linkClass = 'inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-50';

/**
 * `pendingActions`: the ids of this call's actions waiting for a decision, each with its own page;
 * `mayDecide`: whether this person can decide them on the page.
 */
export function CallHeader({
  call,
  providerLabel,
  pendingActions,
  mayDecide,
  customerHref = null,
}: {
  call: CallDetailView;
  providerLabel: string;
  pendingActions: string[];
  mayDecide: boolean;
  /** The customer's page (every call, action and WhatsApp message with them), or null without a number. */
  customerHref?: string | null;
}) {
  const detailUrl = httpUrl(call.detailUrl);
  const recordingUrl = httpUrl(call.recordingUrl);
  const cost = readAnalysis(call.analysis).cost;
  return (
    <header className="space-y-4" data-testid="call-header">
      <Link href="/calls" className="text-sm text-slate-600 hover:text-slate-900">
        ← Calls
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            <span className="font-mono">{call.customerNumber ?? 'Unknown number'}</span>
            <StatusBadge status={call.status} />
          </h1>
          <p className="text-sm text-slate-600">
            {providerLabel}
            {call.direction ? ` · ${call.direction}` : ''} · <span className="font-mono text-xs break-all">{call.providerCallId}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {customerHref && (
            <Link href={customerHref} className={linkClass} data-testid="customer-link">
              Customer's page
            </Link>
          )}
          {detailUrl ? (
            <a href={detailUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
              Open in {providerLabel} ↗
            </a>
          ) : (
            <span className="max-w-xs text-xs text-slate-500" data-testid="no-detail-page">
              {providerNotes(call.provider).noDetailPage}
            </span>
          )}
          {recordingUrl && (
            <a href={recordingUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
              Recording ↗
            </a>
          )}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="From" mono>
          {call.fromNumber}
        </Fact>
        <Fact label="To" mono>
          {call.toNumber}
        </Fact>
        <Fact label="Agent" mono>
          {call.agentId}
        </Fact>
        <Fact label="Started">
          <LocalTime value={call.startedAt} />
        </Fact>
        <Fact label="Ended">
          <LocalTime value={call.endedAt} />
        </Fact>
        <Fact label="Duration">{formatDuration(call.durationSeconds)}</Fact>
        <Fact label="Outcome">{outcome(call)}</Fact>
        <Fact label="End reason">{call.endReason?.replace(/[_-]/g, ' ')}</Fact>
        <Fact label="Provider status" mono>
          {call.providerStatus}
        </Fact>
        <Fact label="Attempts">{call.attempts}</Fact>
        <Fact label="Credits">{credits(call)}</Fact>
        {cost && <Fact label="Cost">{formatMoney(cost.amount, cost.currency)}</Fact>}
        {call.applicationId && (
          <Fact label="Application" mono>
            {call.applicationId}
          </Fact>
        )}
      </dl>
      {pendingActions.length > 0 && (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="pending-note">
          {pendingActions.length === 1 ? 'One action from this call is' : `${pendingActions.length} actions from this call are`} waiting for a decision.{' '}
          {pendingActions.length === 1 ? (
            <Link href={`/approvals/${pendingActions[0]}`} className="underline">
              Open the waiting action
            </Link>
          ) : (
            <a href="#section-actions" className="underline">
              {mayDecide ? 'Decide them under Actions' : 'See them under Actions'}
            </a>
          )}
        </p>
      )}
    </header>
  );
}
