import { describe, expect, it } from 'vitest';
import { generateCalls, withDuplicates } from '@/simulator/lifecycles';
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
import { type Completeness, checkCompleteness, SETTLE_MS, type StepState } from './completeness';
import { buildTimeline } from './timeline';

const START = Date.UTC(2026, 10, 1, 12, 0, 0);
const settled = { final: false, lastEventAt: new Date(START), now: new Date(START + SETTLE_MS + 1) };

function check(story: Story, context = settled): Completeness {
  return checkCompleteness(story.provider, buildTimeline(story.provider, storedEvents(story, START)), context);
}

/** Each attempt as `kind: Label=state…`, the whole report readable in one line per attempt. */
const summary = (c: Completeness) => c.attempts.map((a) => `${a.kind}: ${a.steps.map((s) => `${s.label}=${s.state}`).join(', ')}`);

describe('checkCompleteness: expected events per provider and kind of call', () => {
  const cases: { name: string; story: Story; attempts: string[]; missing: number }[] = [
    {
      name: 'Mirai v1 rescheduled then answered: the second initiate was collapsed into the first',
      story: miraiRescheduled('c1'),
      attempts: [
        'not_connected: Initiated=arrived, Busy, no answer or failed=arrived',
        'answered: Initiated=collapsed, Answered=arrived, Ended=arrived, Completed=arrived, Analysis=arrived, Lifecycle ended=arrived',
      ],
      missing: 0,
    },
    {
      name: 'Mirai v1 busy twice, never closed',
      story: miraiBusyNoClose('c2'),
      attempts: [
        'not_connected: Initiated=arrived, Busy, no answer or failed=arrived',
        'not_connected: Initiated=collapsed, Busy, no answer or failed=arrived, Lifecycle ended=missing',
      ],
      missing: 1,
    },
    {
      name: 'Mirai v2 completed: queued is opt-in, processed arrived',
      story: miraiV2StartedLate('c3'),
      attempts: ['completed: Queued=optional, Started=arrived, Completed=arrived, Processed=arrived'],
      missing: 0,
    },
    {
      name: 'MiniVoice: a call created in progress needs no call.answered',
      story: miniVoiceCompleted('c4'),
      attempts: ['completed: Created=arrived, Answered=arrived, Completed=arrived'],
      missing: 0,
    },
    { name: 'Atoms seed format, complete', story: atomsSeed('c5'), attempts: ['seed: Started=arrived, Ended=arrived, Analytics=arrived'], missing: 0 },
    {
      name: 'Atoms current without its analytics',
      story: atomsCurrent('c6', { analytics: false }),
      attempts: ['current: Pre-conversation=arrived, Post-conversation=arrived, Analytics=missing'],
      missing: 1,
    },
  ];

  it.each(cases)('$name', ({ story, attempts, missing }) => {
    const report = check(story);
    expect(report.supported).toBe(true);
    expect(summary(report)).toEqual(attempts);
    expect(report.counts.missing).toBe(missing);
    expect(report.pending).toBe(false);
  });
});

it('names the event that covered a step it was not sent for', () => {
  const answered = check(miniVoiceCompleted('v1')).attempts[0]?.steps.find((s) => s.label === 'Answered');
  expect(answered).toMatchObject({ state: 'arrived', coveredBy: 'call.created' });
});

describe('every lifecycle the simulator tells', () => {
  // The simulator is written from the providers' docs, independently of these tables: each of
  // its outcomes, sent in order (with repeated deliveries), must come out complete and in order.
  const calls = withDuplicates(generateCalls({ count: 60, seed: 7, now: new Date(START) }), 0.2, 7);
  it.each(calls.map((c) => ({ name: `${c.provider} ${c.outcome} ${c.providerCallId}`, call: c })))('$name', ({ call }) => {
    const report = check({ provider: call.provider, callId: call.providerCallId, bodies: call.events });
    expect(report.counts).toMatchObject({ missing: 0, late: 0, outOfOrder: 0 });
    expect(report.unexpected).toEqual([]);
  });
});

describe('late and out of order', () => {
  it('a step received after a later one is late', () => {
    const report = check(miraiV2StartedLate('l1'));
    const started = report.attempts[0]?.steps.find((s) => s.label === 'Started');
    expect(started).toMatchObject({ state: 'arrived', lateAfter: 'Completed', outOfOrderBefore: null });
    expect(report.counts).toMatchObject({ late: 1, outOfOrder: 0 });
  });

  it('a step the provider timed after a later one is out of order', () => {
    const story = miraiV2StartedLate('l2');
    const started = story.bodies[1] as { created_at: string };
    started.created_at = '2026-07-26T09:20:00Z';
    const report = check(story);
    expect(report.attempts[0]?.steps.find((s) => s.label === 'Started')).toMatchObject({ lateAfter: 'Completed', outOfOrderBefore: 'Completed' });
    expect(report.counts.outOfOrder).toBe(1);
  });

  it('events in lifecycle order are neither', () => {
    expect(check(atomsSeed('l3')).counts).toEqual({ arrived: 3, missing: 0, late: 0, outOfOrder: 0, afterEnd: 0 });
  });
});

describe('events after the provider said the call is over', () => {
  // Mirai v1's call.lifecycle-ended is its last word on a call (its lifecycle's `terminal`).
  const after = (extra: object[]) => {
    const story = miraiRescheduled('t1');
    story.bodies.push(...extra);
    return check(story);
  };
  const action = { metadata: {}, event: { type: 'action', data: { action: 'send_whatsapp', call: { id: 't1' }, payload: { number: '+919800000001' } } } };
  const retried = { metadata: { retry: 1 }, event: { type: 'call.completed', data: { call: { id: 't1', status: 'completed', durationSeconds: 150 } } } };

  it('flags an action and a second call.completed received after call.lifecycle-ended', () => {
    const report = after([action, retried]);
    expect(report.afterEnd.map((e) => e.type)).toEqual(['action', 'call.completed']);
    expect(report.afterEnd.every((e) => e.after === 'call.lifecycle-ended')).toBe(true);
    expect(report.counts.afterEnd).toBe(2);
  });

  it('flags an analysis that came after the end, and nothing when all came before it', () => {
    const story = miraiRescheduled('t2');
    const endOfCall = story.bodies.splice(story.bodies.length - 2, 1)[0] as object;
    story.bodies.push(endOfCall);
    expect(check(story).afterEnd.map((e) => e.type)).toEqual(['end-of-call']);
    expect(check(miraiRescheduled('t3'))).toMatchObject({ afterEnd: [], counts: { afterEnd: 0 } });
  });

  it('a provider that declares no final event has nothing after its end', () => {
    expect(check(atomsSeed('t4')).afterEnd).toEqual([]);
  });
});

describe('pending, conditional steps and what the table does not know', () => {
  it('a call the provider has not closed, heard from recently, is pending', () => {
    const recent = { final: false, lastEventAt: new Date(START), now: new Date(START + 60_000) };
    expect(check(atomsCurrent('p1', { analytics: false }), recent).pending).toBe(true);
    expect(check(atomsCurrent('p2', { analytics: false }), { ...recent, final: true }).pending).toBe(false);
  });

  it('expects a recording to finish only once one started', () => {
    const story = miniVoiceCompleted('r1');
    const recording = {
      event: 'recording.started',
      created_at: '2026-05-29T12:01:00Z',
      call: { id: 'r1', status: 'in_progress', direction: 'outbound' },
      variables: {},
      data: { event_key: 'r1:recording.started' },
    };
    const states = (s: Story) => check(s).attempts[0]?.steps.map((step): [string, StepState] => [step.label, step.state]);
    expect(states(story)).not.toContainEqual(['Recording finished', 'missing']);
    expect(states({ ...story, bodies: [story.bodies[0] as object, recording, story.bodies[1] as object] })).toContainEqual(['Recording finished', 'missing']);
  });

  it('lists received types the provider’s lifecycle does not document', () => {
    const story = atomsSeed('u1');
    story.bodies.push({ event: 'call.transferred', timestamp: '2024-07-15T14:33:00Z', agent_id: 'agent_abc123', call_id: 'u1' });
    expect(check(story).unexpected).toEqual(['call.transferred']);
  });

  it('says so for a provider without a known lifecycle', () => {
    const report = checkCompleteness('someone-new', { attempts: [], clock: 'received' }, settled);
    expect(report).toMatchObject({ supported: false, attempts: [] });
  });
});
