import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAtoms } from '@/lib/providers/atoms/normalize';
import { normalizeMiniVoice } from '@/lib/providers/minivoice/normalize';
import { normalizeMirai } from '@/lib/providers/mirai/normalize';
import type { NormalizedEvent } from '@/lib/providers/types';
import { type CallProjection, foldCall } from './fold';
import type { FoldEvent } from './types';

// Seed-shaped lifecycles, written out so each test reads as the story it checks.
const meta = { internalOrderId: '8842' };
const call = (status: string, extra: Record<string, unknown> = {}) => ({ id: 'c1', status, ...extra });
const mirai = (type: string, data: Record<string, unknown>) => normalizeMirai({ metadata: meta, event: { type, data } });

const answered = [
  mirai('call.initiate', { call: call('initiate') }),
  mirai('call.in-progress', { call: call('in-progress', { startedAt: '2026-07-26T09:15:02Z' }) }),
  mirai('call.ended', { call: call('ended', { startedAt: '2026-07-26T09:15:02Z', endedAt: '2026-07-26T09:16:38Z' }) }),
  mirai('call.completed', {
    call: call('completed', { startedAt: '2026-07-26T09:15:02Z', endedAt: '2026-07-26T09:16:38Z', durationSeconds: 96, recordingUrl: 'https://cdn/rec.mp3' }),
  }),
  mirai('action', { action: 'create_order', call: { id: 'c1' }, payload: { phone: '+919876543210' } }),
  mirai('end-of-call', {
    call: call('completed', { durationSeconds: 96 }),
    analysis: { success: true, summary: 'Confirmed COD.', insights: { interested: true } },
    credits: { used: 1.5, available: 98.5 },
    report: { reAttemptCount: 0, rescheduledCount: 0 },
  }),
  mirai('call.lifecycle-ended', { report: { reAttemptCount: 0, rescheduledCount: 0, finalStatus: 'completed' }, call: { id: 'c1' } }),
];

// No answer, a reschedule, then a second attempt that connects.
const secondAttempt = [
  mirai('call.initiate', { call: call('initiate') }),
  mirai('call.no-answer', { call: call('no-answer', { endedAt: '2026-07-26T09:00:30Z' }) }),
  mirai('call.rescheduled', { call: call('rescheduled') }),
  mirai('call.initiate', { call: call('initiate', { startedAt: '2026-07-26T09:30:00Z' }) }),
  mirai('call.in-progress', { call: call('in-progress', { startedAt: '2026-07-26T09:30:05Z' }) }),
  mirai('call.completed', { call: call('completed', { startedAt: '2026-07-26T09:30:05Z', endedAt: '2026-07-26T09:31:05Z', durationSeconds: 60 }) }),
  mirai('call.lifecycle-ended', { report: { reAttemptCount: 0, rescheduledCount: 1, finalStatus: 'completed' }, call: { id: 'c1' } }),
];

const busyThenGiveUp = [
  mirai('call.initiate', { call: call('initiate') }),
  mirai('call.busy', { call: call('busy') }),
  mirai('call.rescheduled', { call: call('rescheduled') }),
  mirai('call.busy', { call: call('busy', { endedAt: '2026-07-26T10:00:00Z' }) }),
  mirai('call.lifecycle-ended', { report: { reAttemptCount: 1, rescheduledCount: 1 }, call: { id: 'c1' } }),
];

const validationFailed = [
  mirai('call.initiate', { call: call('initiate') }),
  mirai('call.validation-failed', { call: call('validation-failed') }),
  mirai('call.lifecycle-ended', { report: { finalStatus: 'validation-failed' }, call: { id: 'c1' } }),
];

const mv = (event: string, at: string, status: string) =>
  normalizeMiniVoice({
    event,
    created_at: at,
    call: { id: 'call_1', status, direction: 'outbound', from: '+911', to: '+912' },
    variables: {},
    data: { event_key: `call_1:${event}` },
  });
const miniVoice = [mv('call.created', '2026-05-29T12:00:00Z', 'in_progress'), mv('call.completed', '2026-05-29T12:10:00Z', 'completed')];

const at = (event: string, timestamp: string, extra: Record<string, unknown>) => normalizeAtoms({ event, timestamp, agent_id: 'ag', call_id: 'x', ...extra });
const atoms = [
  at('call.start', '2024-07-15T14:30:00Z', { call_direction: 'inbound', caller_phone: '+15551234567', agent_phone: '+15559876543' }),
  at('call.end', '2024-07-15T14:35:00Z', {
    duration_seconds: 300,
    disposition: 'successful',
    transcript: [{ role: 'agent', content: 'Hi', timestamp: '2024-07-15T14:30:01Z' }],
  }),
  at('analytics.completed', '2024-07-15T14:36:00Z', { metrics: { issue_resolved: true } }),
];

/** What the database does with arrivals: the first copy of each dedupe key is the stored event. */
function store(arrivals: NormalizedEvent[]): FoldEvent[] {
  const stored = new Map<string, FoldEvent>();
  arrivals.forEach((e, i) => {
    if (!stored.has(e.dedupeKey)) {
      stored.set(e.dedupeKey, {
        dedupeKey: e.dedupeKey,
        type: e.type,
        occurredAt: e.occurredAt,
        receivedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        facts: e.facts,
      });
    }
  });
  return [...stored.values()];
}

/**
 * Arrival bookkeeping (when we first and last heard of the call, and when a Mirai v1 report that
 * names no time of its own was received: the credit entry's time) is the only arrival-dependent
 * part. occurredAt stays in: these calls have a start.
 */
function projection(events: FoldEvent[]): Omit<CallProjection, 'firstEventAt' | 'lastEventAt' | 'creditsAt'> {
  const { firstEventAt: _f, lastEventAt: _l, creditsAt: _c, ...rest } = foldCall('mirai', 'c1', events);
  return rest;
}

/** Any order of the lifecycle's events, each delivered one to three times. */
const arrivalsOf = (lifecycle: NormalizedEvent[]) =>
  fc.array(fc.integer({ min: 1, max: 3 }), { minLength: lifecycle.length, maxLength: lifecycle.length }).chain((copies) =>
    fc.shuffledSubarray(
      lifecycle.flatMap((e, i) => Array<NormalizedEvent>(copies[i] ?? 1).fill(e)),
      { minLength: lifecycle.flatMap((e, i) => Array(copies[i] ?? 1).fill(e)).length },
    ),
  );

describe('foldCall is independent of arrival order and duplicates', () => {
  const cases = { answered, secondAttempt, busyThenGiveUp, validationFailed, miniVoice, atoms };
  for (const [name, lifecycle] of Object.entries(cases)) {
    it(`${name}: every order and duplication folds to the same call`, () => {
      const expected = projection(store(lifecycle));
      fc.assert(
        fc.property(arrivalsOf(lifecycle), (arrivals) => {
          expect(projection(store(arrivals))).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('foldCall reads each lifecycle as a person would', () => {
  it('answered call: completed, final, analysis, credits and the customer from the order', () => {
    expect(projection(store(answered))).toMatchObject({
      status: 'completed',
      final: true,
      attempts: 1,
      durationSeconds: 96,
      recordingUrl: 'https://cdn/rec.mp3',
      startedAt: '2026-07-26T09:15:02.000Z',
      endedAt: '2026-07-26T09:16:38.000Z',
      summary: 'Confirmed COD.',
      success: true,
      creditsUsed: 1.5,
      creditsAvailable: 98.5,
      customerNumber: '+919876543210',
      direction: 'outbound',
      metadata: meta,
      analysis: { insights: { interested: true } },
      eventCount: 7,
    });
  });

  it('second attempt: two attempts, completed; the repeated initiate is one stored event', () => {
    const p = projection(store(secondAttempt));
    expect(p).toMatchObject({ status: 'completed', final: true, attempts: 2, rescheduledCount: 1, durationSeconds: 60 });
  });

  it('busy twice then the provider gives up: busy, final, two attempts, not rescheduled', () => {
    expect(projection(store(busyThenGiveUp))).toMatchObject({ status: 'busy', final: true, attempts: 2 });
  });

  it('before the lifecycle ends, a reschedule shows the call waiting for its next attempt', () => {
    expect(projection(store(busyThenGiveUp.slice(0, 3)))).toMatchObject({ status: 'rescheduled', final: false });
  });

  it('a late in-progress cannot reopen a final call', () => {
    const late = mirai('call.in-progress', { call: call('in-progress', { startedAt: '2026-07-26T10:30:00Z' }) });
    expect(projection(store([...validationFailed, late]))).toMatchObject({ status: 'validation_failed', final: true });
  });

  it('MiniVoice: completed with numbers and a computed duration', () => {
    expect(foldCall('minivoice', 'call_1', store(miniVoice))).toMatchObject({ status: 'completed', customerNumber: '+912', durationSeconds: 600 });
  });

  it('Atoms: transcript, disposition and metrics', () => {
    expect(foldCall('atoms', 'x', store(atoms))).toMatchObject({
      status: 'completed',
      disposition: 'successful',
      durationSeconds: 300,
      customerNumber: '+15551234567',
      transcript: [{ role: 'agent', text: 'Hi', at: '2024-07-15T14:30:01.000Z' }],
      analysis: { metrics: { issue_resolved: true } },
    });
  });

  it('search text holds the call id, numbers and metadata values', () => {
    expect(foldCall('mirai', 'c1', store(answered)).searchText).toBe('c1 +919876543210 8842');
  });
});

describe('foldCall breaks ties by the provider lifecycle', () => {
  // Mirai v1 events carry no time of their own: every pair ties, and call.ended and
  // call.completed share a status. The lifecycle says completed comes after ended.
  const endedThenCompleted = (id: string) => [
    normalizeMirai({ metadata: meta, event: { type: 'call.ended', data: { call: { id, status: 'ended' } } } }),
    normalizeMirai({ metadata: meta, event: { type: 'call.completed', data: { call: { id, status: 'completed', durationSeconds: 96 } } } }),
  ];

  it('call.ended then call.completed shows completed, whatever the bodies hash to', () => {
    for (let n = 0; n < 40; n++) {
      const id = `call-${n}`;
      expect(foldCall('mirai', id, store(endedThenCompleted(id))).providerStatus).toBe('completed');
    }
  });

  it('any permutation of an answered call with tied events folds to the same call', () => {
    const lifecycle = [...answered, ...endedThenCompleted('c1')];
    const expected = projection(store(lifecycle));
    fc.assert(
      fc.property(fc.shuffledSubarray(lifecycle, { minLength: lifecycle.length }), (arrivals) => {
        expect(projection(store(arrivals))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldCall places the call in time by when it happened', () => {
  const received = (events: NormalizedEvent[], from: number): FoldEvent[] =>
    events.map((e, i) => ({
      dedupeKey: e.dedupeKey,
      type: e.type,
      occurredAt: e.occurredAt,
      receivedAt: new Date(from + i * 60_000).toISOString(),
      facts: e.facts,
    }));
  const t0 = Date.UTC(2026, 6, 26, 9, 20);

  it('its start, whatever arrives later: a late event a week on moves the last activity, never occurredAt', () => {
    const first = foldCall('mirai', 'c1', received(answered, t0));
    expect(first.occurredAt).toBe('2026-07-26T09:15:02.000Z');
    const late = received([mirai('call.completed', { call: call('completed') })], t0 + 7 * 86_400_000);
    const after = foldCall('mirai', 'c1', [...received(answered, t0), ...late]);
    expect(after.occurredAt).toBe(first.occurredAt);
    expect(after.lastEventAt).not.toBe(first.lastEventAt);
  });

  it('without a start, its first provider-stamped event; without one, its first receipt', () => {
    const stamped = [mv('call.queued', '2026-07-26T08:00:00Z', 'queued'), mv('call.failed', '2026-07-26T08:00:09Z', 'failed')];
    expect(foldCall('minivoice', 'x', received(stamped, t0)).occurredAt).toBe('2026-07-26T08:00:00.000Z');
    const unstamped = [mirai('call.initiate', { call: call('initiate') }), mirai('call.busy', { call: call('busy') })];
    expect(foldCall('mirai', 'c1', received(unstamped, t0)).occurredAt).toBe(new Date(t0).toISOString());
  });

  it("credits at the time the credit entry gets: the reporting event's own time, else its end, else its receipt", () => {
    const report = (extra: Record<string, unknown>) => mirai('end-of-call', { call: call('completed', extra), credits: { used: 2, available: 9 } });
    expect(foldCall('mirai', 'c1', received([report({ endedAt: '2026-07-27T00:10:00Z' })], t0)).creditsAt).toBe('2026-07-27T00:10:00.000Z');
    expect(foldCall('mirai', 'c1', received([report({})], t0)).creditsAt).toBe(new Date(t0).toISOString());
    expect(foldCall('mirai', 'c1', received(busyThenGiveUp, t0)).creditsAt).toBeNull();
  });
});
