import { STATUS_RANK, stageOf } from '@/lib/providers/lifecycle';
import { lifecycleFor } from '@/lib/providers/registry';
import type { CallFacts, CallStatus, ProviderLifecycle, TranscriptTurn } from '@/lib/providers/types';
import { DEFAULT_NUMBER_OPTIONS, type NumberOptions, customerNumber as pickCustomerNumber } from './customer-number';
import type { FoldEvent } from './types';

// The call row is a projection of its stored events. `foldCall` is pure and depends only on
// the SET of events: it sorts them by a key that arrival order cannot change (the provider's
// own time, then the event type's place in the provider's lifecycle, then the status rank,
// then the dedupe key), so any arrival order and any duplicates give the same call. Ties are
// common: Mirai v1 events carry no time at all, and Atoms stamps to the second. The timeline
// (lib/calls/timeline.ts) orders ties the same way, so the row and the timeline agree.

export interface CallProjection {
  status: CallStatus;
  providerStatus: string | null;
  final: boolean;
  endReason: string | null;
  direction: string | null;
  customerNumber: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  agentId: string | null;
  applicationId: string | null;
  metadata: Record<string, unknown>;
  variables: Record<string, unknown>;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  recordingUrl: string | null;
  detailUrl: string | null;
  attempts: number;
  reAttemptCount: number | null;
  rescheduledCount: number | null;
  transcript: TranscriptTurn[] | null;
  summary: string | null;
  success: boolean | null;
  disposition: string | null;
  analysis: {
    insights?: Record<string, unknown>;
    metrics?: Record<string, unknown>;
    outcome?: Record<string, unknown>;
    requiredActions?: string[];
    cost?: { amount: number; currency: string };
  } | null;
  creditsUsed: number | null;
  creditsAvailable: number | null;
  eventCount: number;
  firstEventAt: string;
  lastEventAt: string;
  /**
   * When the call happened: its start, else its first provider-stamped event, else its first
   * receipt. It places the call in time (date filters, charts, rollups, the default order); a
   * late event, a re-delivery or a reprocess a week later cannot move it, unlike lastEventAt.
   */
  occurredAt: string;
  /**
   * When the provider reported creditsUsed: the time of the credit entry behind it (the event's
   * own time, else its endedAt, else its receipt, as lib/ingest/batch-plan.ts stamps the entry).
   */
  creditsAt: string | null;
  searchText: string;
}

/**
 * Settings the fold depends on, passed in by the ingest layer (lib/ingest/fold-options.ts reads
 * them from the environment), so the fold stays a pure function of its arguments.
 */
export type FoldOptions = NumberOptions;

export const DEFAULT_FOLD_OPTIONS: FoldOptions = DEFAULT_NUMBER_OPTIONS;

/** Statuses that cannot be where a call ends up once the provider says it is final. */
const NOT_FINAL: ReadonlySet<CallStatus> = new Set(['queued', 'in_progress', 'rescheduled']);

function compareKeys(lifecycle: ProviderLifecycle | undefined, a: FoldEvent, b: FoldEvent): number {
  const ta = a.occurredAt ?? '';
  const tb = b.occurredAt ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  // call.ended and call.completed share a status: only the lifecycle knows which comes last.
  const sa = stageOf(lifecycle, a.type);
  const sb = stageOf(lifecycle, b.type);
  if (sa !== sb) return sa - sb;
  const ra = a.facts.status ? STATUS_RANK[a.facts.status] : -1;
  const rb = b.facts.status ? STATUS_RANK[b.facts.status] : -1;
  if (ra !== rb) return ra - rb;
  return a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0;
}

/** The value of `key` in the last event (in fold order) that asserts it. */
function last<K extends keyof CallFacts>(events: FoldEvent[], key: K): CallFacts[K] | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const value = events[i]?.facts[key];
    if (value !== undefined) return value;
  }
  return undefined;
}

function merged(events: FoldEvent[], key: 'metadata' | 'variables' | 'insights' | 'metrics' | 'outcome'): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const e of events) {
    const value = e.facts[key];
    if (value) out = { ...out, ...value };
  }
  return out;
}

function extreme(values: (string | undefined)[], pick: 'min' | 'max'): string | null {
  let best: string | null = null;
  for (const v of values) {
    if (v === undefined) continue;
    if (best === null || (pick === 'min' ? v < best : v > best)) best = v;
  }
  return best;
}

function maxOf(values: (number | undefined)[]): number | null {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length > 0 ? Math.max(...defined) : null;
}

/**
 * The status that decides the call: the provider's own final verdict when it gave one,
 * otherwise the highest-ranked status (ties: the later event in fold order). Once the
 * provider says the call is final, a late `in_progress` or `rescheduled` cannot reopen it.
 */
function decidingStatus(events: FoldEvent[], final: boolean): { status: CallStatus; providerStatus: string | null } {
  const finalEvent = final ? events.findLast((e) => e.facts.final && e.facts.finalStatus) : undefined;
  if (finalEvent?.facts.finalStatus) {
    return { status: finalEvent.facts.finalStatus, providerStatus: finalEvent.facts.providerStatus ?? null };
  }
  let pool = events.filter((e) => e.facts.status !== undefined);
  if (final) {
    const terminal = pool.filter((e) => !NOT_FINAL.has(e.facts.status as CallStatus));
    if (terminal.length > 0) pool = terminal;
  }
  let best: FoldEvent | undefined;
  for (const e of pool) if (!best || STATUS_RANK[e.facts.status as CallStatus] >= STATUS_RANK[best.facts.status as CallStatus]) best = e;
  return { status: best?.facts.status ?? 'queued', providerStatus: best?.facts.providerStatus ?? null };
}

function searchText(providerCallId: string, values: (string | null | undefined)[], metadata: Record<string, unknown>): string {
  const parts = new Set<string>([providerCallId.toLowerCase()]);
  const add = (v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') {
      const text = String(v).toLowerCase().trim();
      if (text) parts.add(text);
    }
  };
  values.forEach(add);
  Object.values(metadata).forEach(add);
  return [...parts].join(' ');
}

/** The time batch-plan.ts gives the credit entry an event raises. */
const creditTime = (e: FoldEvent): string => e.occurredAt ?? e.facts.endedAt ?? e.receivedAt;

export function foldCall(provider: string, providerCallId: string, input: FoldEvent[], options: FoldOptions = DEFAULT_FOLD_OPTIONS): CallProjection {
  if (input.length === 0) throw new Error('foldCall needs at least one event');
  const lifecycle = lifecycleFor(provider);
  const events = [...input].sort((a, b) => compareKeys(lifecycle, a, b));
  const final = events.some((e) => e.facts.final === true);
  const { status, providerStatus } = decidingStatus(events, final);

  const direction = last(events, 'direction') ?? null;
  const fromNumber = last(events, 'fromNumber') ?? null;
  const toNumber = last(events, 'toNumber') ?? null;
  const startedAt = extreme(
    events.map((e) => e.facts.startedAt),
    'min',
  );
  const endedAt = extreme(
    events.map((e) => e.facts.endedAt),
    'max',
  );
  const reportedDuration = last(events, 'durationSeconds');
  const durationSeconds = reportedDuration ?? (startedAt && endedAt ? Math.max(0, (Date.parse(endedAt) - Date.parse(startedAt)) / 1000) : null);

  const reAttemptCount = maxOf(events.map((e) => e.facts.reAttemptCount));
  const rescheduledCount = maxOf(events.map((e) => e.facts.rescheduledCount));
  const rescheduleEvents = events.filter((e) => e.facts.reschedule).length;
  // Mirai's report counts re-attempts and reschedules without saying whether one retry can be
  // both; taking the largest signal never counts a retry twice (busy → rescheduled → busy is two).
  const attempts = 1 + Math.max(rescheduleEvents, reAttemptCount ?? 0, rescheduledCount ?? 0);

  const insights = merged(events, 'insights');
  const metrics = merged(events, 'metrics');
  const outcome = merged(events, 'outcome');
  const requiredActions = last(events, 'requiredActions');
  const analysisParts = { insights, metrics, outcome, requiredActions, cost: last(events, 'cost') };
  const hasAnalysis = Object.values(analysisParts).some((v) => v !== undefined);
  const metadata = merged(events, 'metadata') ?? {};
  // Preference order and normalisation: lib/ingest/customer-number.ts.
  const own = last(events, 'customerNumber') ?? (direction === 'inbound' ? fromNumber : direction === 'outbound' ? toNumber : null);
  const customerNumber = pickCustomerNumber({ own, metadata, events }, options);
  const agentId = last(events, 'agentId') ?? null;
  const applicationId = last(events, 'applicationId') ?? null;
  const firstEventAt = extreme(
    events.map((e) => e.receivedAt),
    'min',
  ) as string;
  const firstStamped = extreme(
    events.map((e) => e.occurredAt ?? undefined),
    'min',
  );
  const creditsEvent = events.findLast((e) => e.facts.creditsUsed !== undefined);

  return {
    status,
    providerStatus,
    final,
    endReason: last(events, 'endReason') ?? null,
    direction,
    customerNumber,
    fromNumber,
    toNumber,
    agentId,
    applicationId,
    metadata,
    variables: merged(events, 'variables') ?? {},
    startedAt,
    endedAt,
    durationSeconds,
    recordingUrl: last(events, 'recordingUrl') ?? null,
    detailUrl: last(events, 'detailUrl') ?? null,
    attempts,
    reAttemptCount,
    rescheduledCount,
    transcript: last(events, 'transcript') ?? null,
    summary: last(events, 'summary') ?? null,
    success: last(events, 'success') ?? null,
    disposition: last(events, 'disposition') ?? null,
    analysis: hasAnalysis ? JSON.parse(JSON.stringify(analysisParts)) : null,
    creditsUsed: last(events, 'creditsUsed') ?? null,
    creditsAvailable: last(events, 'creditsAvailable') ?? null,
    eventCount: events.length,
    firstEventAt,
    lastEventAt: extreme(
      events.map((e) => e.receivedAt),
      'max',
    ) as string,
    occurredAt: startedAt ?? firstStamped ?? firstEventAt,
    creditsAt: creditsEvent ? creditTime(creditsEvent) : null,
    searchText: searchText(providerCallId, [customerNumber, fromNumber, toNumber, agentId, applicationId], metadata),
  };
}
