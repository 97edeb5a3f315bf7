import { STATUS_RANK, stageOf } from '@/lib/providers/lifecycle';
import { lifecycleFor } from '@/lib/providers/registry';
import type { CallStatus, ProviderLifecycle } from '@/lib/providers/types';

// A call's stored events as a timeline: in the order they happened, split into dial attempts,
// with the time between steps. Pure, so the page, the tests and any export read it the same way.

export interface TimelineEvent {
  id: string;
  type: string;
  occurredAt: Date | null;
  receivedAt: Date;
  duplicateCount: number;
  /** The canonical status the event asserts (from its normalized facts), if any. */
  status?: CallStatus | null;
  /** The fold's marker: this event ends an attempt and schedules another. */
  reschedule?: boolean;
}

export interface TimelineStep<E extends TimelineEvent = TimelineEvent> {
  event: E;
  /** The provider's time for the event, or when we received it when the provider gave none. */
  at: Date;
  source: 'provider' | 'received';
  /** Time since the previous step (across attempts); null for the first step. */
  gapMs: number | null;
  /** The gap compares a provider time with a receive time, so it is an estimate. */
  gapEstimated: boolean;
  /** How long after the provider's time we received it; null without a provider time. */
  lagMs: number | null;
}

export interface Attempt<E extends TimelineEvent = TimelineEvent> {
  number: number;
  /** Why it is a new attempt: the first, after a reschedule, or a second dial event. */
  reason: 'first' | 'reschedule' | 'redial';
  steps: TimelineStep<E>[];
}

export interface Timeline<E extends TimelineEvent = TimelineEvent> {
  attempts: Attempt<E>[];
  /** Whose clock orders the steps: the provider's, ours (receive times) or both. */
  clock: 'provider' | 'received' | 'mixed';
}

/**
 * The typical delay between the provider's clock and ours. Events without a provider time are
 * placed at receive time minus this, so a replayed or backfilled call (Atoms' pre-conversation
 * has no time of its own) does not sort its first event after its last.
 */
function typicalLag(events: readonly TimelineEvent[]): number {
  const lags = events
    .filter((e) => e.occurredAt)
    .map((e) => e.receivedAt.getTime() - (e.occurredAt as Date).getTime())
    .sort((a, b) => a - b);
  return lags.length === 0 ? 0 : (lags[Math.floor((lags.length - 1) / 2)] as number);
}

interface Keyed<E extends TimelineEvent> {
  event: E;
  sortMs: number;
  stage: number;
  rank: number;
}

/**
 * Time first. Ties (providers that stamp to the second) go by the provider's documented order,
 * then by status rank for types it does not document, then by arrival: one total order, so any
 * arrival order of the same events gives the same timeline.
 */
function compare<E extends TimelineEvent>(a: Keyed<E>, b: Keyed<E>): number {
  return (
    a.sortMs - b.sortMs ||
    a.stage - b.stage ||
    a.rank - b.rank ||
    a.event.receivedAt.getTime() - b.event.receivedAt.getTime() ||
    (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)
  );
}

function order<E extends TimelineEvent>(events: readonly E[], lifecycle: ProviderLifecycle | undefined): Keyed<E>[] {
  const lag = typicalLag(events);
  return events
    .map((event) => ({
      event,
      sortMs: event.occurredAt ? event.occurredAt.getTime() : event.receivedAt.getTime() - lag,
      stage: stageOf(lifecycle, event.type),
      rank: event.status ? STATUS_RANK[event.status] : -1,
    }))
    .sort(compare);
}

export function buildTimeline<E extends TimelineEvent>(provider: string, events: readonly E[]): Timeline<E> {
  const lifecycle = lifecycleFor(provider);
  const opens = new Set(lifecycle?.opens ?? []);
  const withTime = events.filter((e) => e.occurredAt).length;
  const clock = withTime === events.length ? 'provider' : withTime === 0 ? 'received' : 'mixed';

  const attempts: Attempt<E>[] = [];
  let current: Attempt<E> | undefined;
  let rescheduled = false;
  let previous: Keyed<E> | undefined;
  for (const keyed of order(events, lifecycle)) {
    const { event } = keyed;
    const redial = opens.has(event.type) && current?.steps.some((s) => opens.has(s.event.type));
    if (!current || rescheduled || redial) {
      current = { number: attempts.length + 1, reason: !current ? 'first' : rescheduled ? 'reschedule' : 'redial', steps: [] };
      attempts.push(current);
      rescheduled = false;
    }
    current.steps.push({
      event,
      at: event.occurredAt ?? event.receivedAt,
      source: event.occurredAt ? 'provider' : 'received',
      gapMs: previous ? keyed.sortMs - previous.sortMs : null,
      gapEstimated: clock === 'mixed' && previous !== undefined && (!event.occurredAt || !previous.event.occurredAt),
      lagMs: event.occurredAt ? event.receivedAt.getTime() - event.occurredAt.getTime() : null,
    });
    if (event.reschedule) rescheduled = true;
    previous = keyed;
  }
  return { attempts, clock };
}

/** `+850 ms`, `+12 s`, `+4 min 05 s`, `+2 h 10 min`, `+3 d 4 h`. */
export function formatGap(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (ms < 1000) return `+${Math.max(0, Math.round(ms))} ms`;
  if (s < 60) return `+${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `+${m} min ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `+${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `+${Math.floor(h / 24)} d ${h % 24} h`;
}
