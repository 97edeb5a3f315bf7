import { lifecycleFor } from '@/lib/providers/registry';
import type { LifecyclePath, LifecycleStep, ProviderLifecycle } from '@/lib/providers/types';
import type { Attempt, Timeline, TimelineEvent } from './timeline';

// Which of the events a provider sends for this kind of call have arrived, which are missing,
// which came late or out of order, and which came after the provider's final event. Pure and table-driven (each provider's lib/providers/<name>/lifecycle.ts).

/**
 * arrived: an event fulfils the step. missing: none did. optional: none did, and the provider
 * does not always send it. collapsed: none is stored for this attempt, but an earlier attempt's
 * identical event was received more than once (Mirai v1's repeated call.initiate is
 * byte-identical, so it is stored once and counted as a duplicate).
 */
export type StepState = 'arrived' | 'missing' | 'optional' | 'collapsed';

export interface StepReport {
  label: string;
  types: readonly string[];
  state: StepState;
  eventId: string | null;
  /** The type of the event that fulfilled the step, when it is not one of the step's own types. */
  coveredBy: string | null;
  /** Label of a later step that we received before this one. */
  lateAfter: string | null;
  /** Label of a later step the provider timed before this one. */
  outOfOrderBefore: string | null;
}

export interface AttemptReport {
  number: number;
  kind: string;
  kindLabel: string;
  steps: StepReport[];
}

/** An event received after the provider's final event (its lifecycle's `terminal`). */
export interface AfterEnd {
  eventId: string;
  type: string;
  receivedAt: Date;
  /** The final event's type. */
  after: string;
}

export interface Completeness {
  /** False when Callboard knows no lifecycle for the provider. */
  supported: boolean;
  attempts: AttemptReport[];
  counts: { arrived: number; missing: number; late: number; outOfOrder: number; afterEnd: number };
  /** Events received after the provider said no more would follow, in arrival order. */
  afterEnd: AfterEnd[];
  /** The call may still be running, so missing steps may yet arrive. */
  pending: boolean;
  /** Types received that the provider's lifecycle does not list. */
  unexpected: string[];
}

export interface CompletenessContext {
  /** The provider said no more events or attempts will follow. */
  final: boolean;
  lastEventAt: Date;
  now: Date;
}

/** How long after its last event a call that the provider never closes counts as settled. */
export const SETTLE_MS = 30 * 60 * 1000;

function pathOf(lifecycle: ProviderLifecycle, types: ReadonlySet<string>): LifecyclePath {
  const found = lifecycle.paths.find((p) => p.when.some((t) => types.has(t)));
  return found ?? (lifecycle.paths.find((p) => p.kind === lifecycle.fallback) as LifecyclePath);
}

/** The step's own event type first; an event that merely carries the step's status second. */
function fulfilling(step: LifecycleStep, events: readonly TimelineEvent[]): TimelineEvent | undefined {
  return events.find((e) => step.types.includes(e.type)) ?? (step.status ? events.find((e) => e.status === step.status) : undefined);
}

interface Matched {
  step: LifecycleStep;
  event: TimelineEvent | undefined;
}

function firstAfter(matched: Matched[], index: number, earlier: (later: TimelineEvent) => boolean): string | null {
  for (const later of matched.slice(index + 1)) if (later.event && earlier(later.event)) return later.step.label;
  return null;
}

function reportAttempt(lifecycle: ProviderLifecycle, attempt: Attempt, isLast: boolean, duplicates: Map<string, number>): AttemptReport {
  const events = attempt.steps.map((s) => s.event);
  const types = new Set(events.map((e) => e.type));
  const path = pathOf(lifecycle, types);
  const steps = [...path.steps, ...(isLast ? (lifecycle.closing ?? []) : [])].filter((s) => !s.onlyAfter || types.has(s.onlyAfter));
  const matched: Matched[] = steps.map((step) => ({ step, event: fulfilling(step, events) }));

  const reports = matched.map(({ step, event }, i): StepReport => {
    const coveredBy = event && !step.types.includes(event.type) ? event.type : null;
    const base = { label: step.label, types: step.types, eventId: event?.id ?? null, coveredBy, lateAfter: null, outOfOrderBefore: null };
    if (!event) {
      const spare = step.types.find((t) => (duplicates.get(t) ?? 0) > 0);
      if (spare) {
        duplicates.set(spare, (duplicates.get(spare) ?? 0) - 1);
        return { ...base, state: 'collapsed' };
      }
      return { ...base, state: step.optional ? 'optional' : 'missing' };
    }
    const received = event.receivedAt.getTime();
    const occurred = event.occurredAt?.getTime();
    return {
      ...base,
      state: 'arrived',
      lateAfter: firstAfter(matched, i, (later) => later !== event && later.receivedAt.getTime() < received),
      outOfOrderBefore:
        occurred === undefined
          ? null
          : firstAfter(matched, i, (later) => later !== event && later.occurredAt !== null && later.occurredAt.getTime() < occurred),
    };
  });
  // Duplicates received in this attempt can stand in for identical events of later attempts.
  for (const e of events) if (e.duplicateCount > 0) duplicates.set(e.type, (duplicates.get(e.type) ?? 0) + e.duplicateCount);
  return { number: attempt.number, kind: path.kind, kindLabel: path.label, steps: reports };
}

/** Every event received after the first arrival of the provider's final event. */
function receivedAfterEnd(lifecycle: ProviderLifecycle, timeline: Timeline): AfterEnd[] {
  const terminal = lifecycle.terminal;
  if (!terminal) return [];
  const events = timeline.attempts.flatMap((a) => a.steps.map((s) => s.event));
  const ends = events.filter((e) => e.type === terminal).map((e) => e.receivedAt.getTime());
  if (ends.length === 0) return [];
  const end = Math.min(...ends);
  return events
    .filter((e) => e.receivedAt.getTime() > end)
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((e) => ({ eventId: e.id, type: e.type, receivedAt: e.receivedAt, after: terminal }));
}

export function checkCompleteness(provider: string, timeline: Timeline, context: CompletenessContext): Completeness {
  const lifecycle = lifecycleFor(provider);
  const pending = !context.final && context.now.getTime() - context.lastEventAt.getTime() < SETTLE_MS;
  if (!lifecycle)
    return { supported: false, attempts: [], counts: { arrived: 0, missing: 0, late: 0, outOfOrder: 0, afterEnd: 0 }, afterEnd: [], pending, unexpected: [] };

  const duplicates = new Map<string, number>();
  const attempts = timeline.attempts.map((a, i) => reportAttempt(lifecycle, a, i === timeline.attempts.length - 1, duplicates));
  const steps = attempts.flatMap((a) => a.steps);
  const known = new Set(lifecycle.events.map(([t]) => t));
  const unexpected = [...new Set(timeline.attempts.flatMap((a) => a.steps.map((s) => s.event.type)).filter((t) => !known.has(t)))];
  const afterEnd = receivedAfterEnd(lifecycle, timeline);
  return {
    supported: true,
    attempts,
    counts: {
      arrived: steps.filter((s) => s.state === 'arrived' || s.state === 'collapsed').length,
      missing: steps.filter((s) => s.state === 'missing').length,
      late: steps.filter((s) => s.lateAfter).length,
      outOfOrder: steps.filter((s) => s.outOfOrderBefore).length,
      afterEnd: afterEnd.length,
    },
    afterEnd,
    pending,
    unexpected,
  };
}

/** What the timeline marks on an event: late, out of order, or received after the final event. */
export interface EventMark {
  lateAfter: string | null;
  outOfOrderBefore: string | null;
  afterEnd: string | null;
}

export function eventMarks(report: Completeness): Map<string, EventMark> {
  const marks = new Map<string, EventMark>();
  for (const s of report.attempts.flatMap((a) => a.steps)) {
    if (s.eventId && (s.lateAfter || s.outOfOrderBefore))
      marks.set(s.eventId, { lateAfter: s.lateAfter, outOfOrderBefore: s.outOfOrderBefore, afterEnd: null });
  }
  for (const e of report.afterEnd) {
    const mark = marks.get(e.eventId);
    marks.set(e.eventId, { lateAfter: mark?.lateAfter ?? null, outOfOrderBefore: mark?.outOfOrderBefore ?? null, afterEnd: e.after });
  }
  return marks;
}
