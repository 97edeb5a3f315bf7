import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCalls } from '@/simulator/lifecycles';
import {
  atomsCurrent,
  atomsSeed,
  miniVoiceCompleted,
  miraiBusyNoClose,
  miraiRescheduled,
  miraiV2StartedLate,
  type Story,
  storedEvents,
} from '@/test/call-stories';
import { buildTimeline, formatGap, type Timeline, type TimelineEvent } from './timeline';

const types = (t: Timeline) => t.attempts.map((a) => a.steps.map((s) => s.event.type));

/** MiniVoice re-dials under the same call id: a second call.created with its own event key. */
function miniVoiceRedialed(callId: string): Story {
  const story = miniVoiceCompleted(callId);
  const [created] = story.bodies as { created_at: string; data: { event_key: string } }[];
  const retry = { ...structuredClone(created), created_at: '2026-05-29T12:05:00Z', data: { event_key: `${callId}:call.created:retry` } };
  return { ...story, bodies: [story.bodies[0] as object, retry, story.bodies[1] as object] };
}

describe('buildTimeline: order and attempts, from the providers’ example payloads', () => {
  const cases: { name: string; story: Story; attempts: string[][]; reasons: string[]; clock: Timeline['clock'] }[] = [
    {
      name: 'Mirai v1: no answer, rescheduled, answered on the second attempt',
      story: miraiRescheduled('c1'),
      attempts: [
        ['call.initiate', 'call.no-answer', 'call.rescheduled'],
        ['call.in-progress', 'call.ended', 'call.completed', 'end-of-call', 'call.lifecycle-ended'],
      ],
      reasons: ['first', 'reschedule'],
      clock: 'received',
    },
    {
      name: 'Mirai v1: busy, rescheduled, busy again',
      story: miraiBusyNoClose('c2'),
      attempts: [['call.initiate', 'call.busy', 'call.rescheduled'], ['call.busy']],
      reasons: ['first', 'reschedule'],
      clock: 'received',
    },
    {
      name: 'Mirai v2: a late call.started still sorts first by the provider’s time',
      story: miraiV2StartedLate('c3'),
      attempts: [['call.started', 'call.completed', 'call.processed']],
      reasons: ['first'],
      clock: 'provider',
    },
    {
      name: 'MiniVoice: created and completed',
      story: miniVoiceCompleted('c4'),
      attempts: [['call.created', 'call.completed']],
      reasons: ['first'],
      clock: 'provider',
    },
    {
      name: 'MiniVoice: a second call.created is a redial',
      story: miniVoiceRedialed('c5'),
      attempts: [['call.created'], ['call.created', 'call.completed']],
      reasons: ['first', 'redial'],
      clock: 'provider',
    },
    {
      name: 'Atoms seed format',
      story: atomsSeed('c6'),
      attempts: [['call.start', 'call.end', 'analytics.completed']],
      reasons: ['first'],
      clock: 'provider',
    },
    {
      name: 'Atoms current: pre-conversation has no time of its own yet stays first',
      story: atomsCurrent('c7'),
      attempts: [['pre-conversation', 'post-conversation', 'analytics-completed']],
      reasons: ['first'],
      clock: 'mixed',
    },
  ];

  it.each(cases)('$name', ({ story, attempts, reasons, clock }) => {
    const timeline = buildTimeline(story.provider, storedEvents(story));
    expect(types(timeline)).toEqual(attempts);
    expect(timeline.attempts.map((a) => a.reason)).toEqual(reasons);
    expect(timeline.attempts.map((a) => a.number)).toEqual(attempts.map((_, i) => i + 1));
    expect(timeline.clock).toBe(clock);
  });

  it('makes one attempt per reschedule in every simulated lifecycle', () => {
    for (const call of generateCalls({ count: 60, seed: 11, now: new Date(Date.UTC(2026, 10, 1)) })) {
      const timeline = buildTimeline(call.provider, storedEvents({ provider: call.provider, callId: call.providerCallId, bodies: call.events }));
      const reschedules = call.events.filter((e) => JSON.stringify(e).includes('"call.rescheduled"')).length;
      expect(timeline.attempts.length, `${call.provider} ${call.outcome}`).toBe(1 + reschedules);
    }
  });

  it('keeps the duplicate count of a repeated delivery on the stored event', () => {
    const [first] = buildTimeline('mirai', storedEvents(miraiRescheduled('c1'))).attempts;
    expect(first?.steps[0]?.event).toMatchObject({ type: 'call.initiate', duplicateCount: 1 });
  });

  it('any arrival order of events the provider timestamps gives the same timeline', () => {
    for (const story of [atomsSeed('s1'), miraiV2StartedLate('s2'), miniVoiceCompleted('s3')]) {
      const expected = types(buildTimeline(story.provider, storedEvents(story)));
      fc.assert(
        fc.property(fc.shuffledSubarray(story.bodies, { minLength: story.bodies.length }), (bodies) => {
          expect(types(buildTimeline(story.provider, storedEvents({ ...story, bodies })))).toEqual(expected);
        }),
        { numRuns: 30 },
      );
    }
  });

  it('breaks a tie in time by the provider’s lifecycle, whatever the arrival order', () => {
    const at = new Date('2026-07-26T09:16:38Z');
    const event = (id: string, type: string, receivedSec: number, status: TimelineEvent['status']): TimelineEvent => ({
      id,
      type,
      occurredAt: at,
      receivedAt: new Date(at.getTime() + receivedSec * 1000),
      duplicateCount: 0,
      status,
    });
    const events = [event('a', 'call.processed', 1, null), event('b', 'call.completed', 5, 'completed'), event('c', 'call.started', 9, 'in_progress')];
    expect(types(buildTimeline('mirai-v2', events))).toEqual([['call.started', 'call.completed', 'call.processed']]);
  });

  it('measures the gap between steps and the delivery lag', () => {
    const story = atomsSeed('g1');
    const [attempt] = buildTimeline('atoms', storedEvents(story, Date.parse('2024-07-15T14:40:00Z'))).attempts;
    expect(attempt?.steps.map((s) => s.gapMs)).toEqual([null, 300_000, 60_000]);
    expect(attempt?.steps.map((s) => s.source)).toEqual(['provider', 'provider', 'provider']);
    expect(attempt?.steps[0]?.lagMs).toBe(600_000);
  });

  it('marks gaps that compare our clock with the provider’s as estimates', () => {
    const [attempt] = buildTimeline('atoms', storedEvents(atomsCurrent('g2'))).attempts;
    expect(attempt?.steps.map((s) => [s.source, s.gapEstimated])).toEqual([
      ['received', false],
      ['provider', true],
      ['provider', false],
    ]);
  });

  it('handles a provider it has no lifecycle for by time alone', () => {
    const events: TimelineEvent[] = [
      { id: '2', type: 'b', occurredAt: null, receivedAt: new Date(2000), duplicateCount: 0 },
      { id: '1', type: 'a', occurredAt: null, receivedAt: new Date(1000), duplicateCount: 0 },
    ];
    expect(types(buildTimeline('someone-new', events))).toEqual([['a', 'b']]);
    expect(buildTimeline('someone-new', []).attempts).toEqual([]);
  });
});

describe('formatGap', () => {
  it.each([
    [0, '+0 ms'],
    [850, '+850 ms'],
    [12_400, '+12 s'],
    [245_000, '+4 min 05 s'],
    [7_800_000, '+2 h 10 min'],
    [273_600_000, '+3 d 4 h'],
  ])('%i ms → %s', (ms, text) => expect(formatGap(ms)).toBe(text));
});
