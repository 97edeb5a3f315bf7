import type { ReactNode } from 'react';
import { LocalTime } from '@/components/local-time';
import { StatusBadge } from '@/components/status-badge';
import { formatGap, type TimelineEvent, type TimelineStep } from '@/lib/calls/timeline';
import { PayloadDetails } from './payload-details';

export type TimelineItem = TimelineEvent & { known: boolean; signed: boolean; payload: unknown; warnings?: readonly { field: string; change: string }[] };

export interface StepMark {
  lateAfter: string | null;
  outOfOrderBefore: string | null;
  /** The provider's final event, when this one was received after it. */
  afterEnd?: string | null;
}

function Badge({ tone, title, children }: { tone: 'warn' | 'neutral'; title?: string; children: ReactNode }) {
  const colors = tone === 'warn' ? 'bg-status-waiting/20 text-amber-900' : 'bg-slate-100 text-slate-700';
  return (
    <span title={title} className={`rounded px-1.5 py-0.5 text-xs ${colors}`}>
      {children}
    </span>
  );
}

/** What was changed so the event could be stored: the raw delivery still has it exactly. */
export function StorageWarnings({ warnings }: { warnings: readonly { field: string; change: string }[] }) {
  return (
    <div data-testid="storage-warnings" className="mt-1 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950">
      <p className="font-medium">
        Stored with {warnings.length === 1 ? 'a change' : `${warnings.length} changes`} the database needed (the raw delivery is kept as received):
      </p>
      <ul className="mt-0.5 list-disc pl-4">
        {warnings.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a stored delivery's warnings never change or reorder, and neither field nor change is unique
          <li key={i}>
            <code className="break-all font-mono">{w.field}</code>: {w.change}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Delivery delay worth mentioning: over two seconds either way. */
function lagNote(lagMs: number | null): string | null {
  if (lagMs === null || Math.abs(lagMs) < 2000) return null;
  return lagMs > 0 ? `Received ${formatGap(lagMs).slice(1)} after it happened` : 'Received before the provider’s stated time (their clock differs from ours)';
}

export function TimelineStepItem({ step, meaning, mark }: { step: TimelineStep<TimelineItem>; meaning: string | null; mark?: StepMark }) {
  const { event } = step;
  const lag = lagNote(step.lagMs);
  return (
    <li data-testid="timeline-step" data-type={event.type} className="relative pb-4 pl-5 last:pb-0">
      <span aria-hidden className="absolute top-1.5 -left-[5px] h-2.5 w-2.5 rounded-full border-2 border-white bg-slate-400 ring-1 ring-slate-300" />
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-xs text-slate-600">
        <LocalTime value={step.at} className="font-mono tabular-nums" />
        {step.source === 'received' && <span title="The provider sent no time for this event: this is when Callboard received it">(received)</span>}
        {step.gapMs !== null && (
          <span
            className="font-mono tabular-nums text-slate-500"
            title={step.gapEstimated ? 'Since the previous step, comparing the provider’s clock with ours' : 'Since the previous step'}
          >
            {step.gapEstimated ? '≈ ' : ''}
            {formatGap(step.gapMs)}
          </span>
        )}
      </div>
      <div className="mt-0.5 flex flex-wrap items-center gap-2">
        <code className="font-mono text-sm font-medium break-all">{event.type}</code>
        {event.status && <StatusBadge status={event.status} />}
        {event.duplicateCount > 0 && (
          <Badge tone="neutral" title="The provider delivered this event more than once; it is stored once">
            received {event.duplicateCount + 1}×
          </Badge>
        )}
        {mark?.lateAfter && (
          <Badge tone="warn" title="Received after a later step of the lifecycle">
            late: came after {mark.lateAfter}
          </Badge>
        )}
        {mark?.afterEnd && (
          <Badge tone="warn" title="Received after the event that says no more events follow">
            late: after {mark.afterEnd}
          </Badge>
        )}
        {mark?.outOfOrderBefore && (
          <Badge tone="warn" title="The provider’s own time puts it after a later step">
            out of order: timed after {mark.outOfOrderBefore}
          </Badge>
        )}
        {!event.known && (
          <Badge tone="warn" title="An event type this version of Callboard does not understand">
            unknown type
          </Badge>
        )}
        {!event.signed && (
          <Badge tone="warn" title="Accepted without a signature">
            unsigned
          </Badge>
        )}
      </div>
      {meaning && <p className="mt-0.5 text-sm text-slate-600">{meaning}</p>}
      {lag && <p className="text-xs text-slate-500">{lag}</p>}
      {event.warnings && event.warnings.length > 0 && <StorageWarnings warnings={event.warnings} />}
      <PayloadDetails payload={event.payload} />
    </li>
  );
}
