import { describe, expect, it } from 'vitest';
import { ATOMS_OUTCOMES, MIRAI_OUTCOMES, generateCalls, withDuplicates, type JsonObject, type JsonValue, type SimCall } from './lifecycles';

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 200, seed: 7, now });

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function at(value: JsonValue | undefined, ...path: string[]): JsonValue | undefined {
  let cur = value;
  for (const key of path) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}
function isoStrings(value: JsonValue): string[] {
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(isoStrings);
  if (isObject(value)) return Object.values(value).flatMap(isoStrings);
  return [];
}
const of = (provider: SimCall['provider']) => calls.filter((c) => c.provider === provider);

describe('generateCalls', () => {
  it('is deterministic for a seed and now', () => {
    expect(generateCalls({ count: 30, seed: 7, now })).toEqual(generateCalls({ count: 30, seed: 7, now }));
    expect(generateCalls({ count: 30, seed: 8, now })).not.toEqual(generateCalls({ count: 30, seed: 7, now }));
  });

  it('tells the same story with fresh ids when only now changes', () => {
    const later = generateCalls({ count: 30, seed: 7, now: new Date(now.getTime() + 86_400_000) });
    const today = generateCalls({ count: 30, seed: 7, now });
    expect(later.map((c) => c.outcome)).toEqual(today.map((c) => c.outcome));
    const ids = new Set(today.map((c) => c.providerCallId));
    expect(later.some((c) => ids.has(c.providerCallId))).toBe(false);
  });

  it('gives every call a unique id and returns calls oldest first', () => {
    expect(new Set(calls.map((c) => c.providerCallId)).size).toBe(calls.length);
    const starts = calls.map((c) => Date.parse(c.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('puts every timestamp within the last `days` days', () => {
    const times = calls.flatMap((c) => c.events.flatMap(isoStrings)).map((s) => Date.parse(s));
    expect(times.length).toBeGreaterThan(calls.length);
    for (const t of times) {
      expect(t).toBeLessThanOrEqual(now.getTime());
      expect(t).toBeGreaterThanOrEqual(now.getTime() - 7 * 86_400_000);
    }
  });

  it('covers every outcome even in a small run', () => {
    const small = generateCalls({ count: 40, seed: 1, now });
    expect(new Set(small.filter((c) => c.provider === 'mirai').map((c) => c.outcome))).toEqual(new Set(MIRAI_OUTCOMES));
    expect(new Set(small.filter((c) => c.provider === 'atoms').map((c) => c.outcome))).toEqual(new Set(ATOMS_OUTCOMES));
    expect(small.some((c) => c.provider === 'minivoice')).toBe(true);
  });

  it('honours the providers filter', () => {
    expect(new Set(generateCalls({ count: 20, seed: 3, now, providers: ['atoms'] }).map((c) => c.provider))).toEqual(new Set(['atoms']));
  });
});

describe('Mirai lifecycles', () => {
  it('repeat one metadata object and the call id on every event, ending with lifecycle-ended', () => {
    for (const call of of('mirai')) {
      const first = call.events[0];
      for (const event of call.events) {
        expect(event.metadata).toEqual(first?.metadata);
        expect(at(event, 'event', 'data', 'call', 'id')).toBe(call.providerCallId);
      }
      expect(at(call.events.at(-1), 'event', 'type')).toBe('call.lifecycle-ended');
    }
  });

  it('runs an answered call through the documented order', () => {
    const call = of('mirai').find((c) => c.outcome === 'answered');
    const types = call?.events.map((e) => at(e, 'event', 'type')).filter((t) => t !== 'action');
    expect(types).toEqual(['call.initiate', 'call.in-progress', 'call.ended', 'call.completed', 'end-of-call', 'call.lifecycle-ended']);
  });

  it('reports the second attempt of a rescheduled call', () => {
    const call = of('mirai').find((c) => c.outcome === 'no_answer_rescheduled_answered');
    const types = call?.events.map((e) => at(e, 'event', 'type'));
    expect(types?.slice(0, 4)).toEqual(['call.initiate', 'call.no-answer', 'call.rescheduled', 'call.initiate']);
    expect(at(call?.events.at(-1), 'event', 'data', 'report')).toEqual({ reAttemptCount: 1, rescheduledCount: 1, finalStatus: 'completed' });
  });

  it('spends credits call by call (balance only rises on a top-up)', () => {
    const credits = of('mirai').flatMap((c) => c.events).map((e) => at(e, 'event', 'data', 'credits')).filter(isObject);
    expect(credits.length).toBeGreaterThan(10);
    for (let i = 1; i < credits.length; i++) {
      const [prev, cur] = [credits[i - 1]?.available as number, credits[i]?.available as number];
      if (cur < prev) expect(cur).toBe(prev - (credits[i]?.used as number));
    }
  });

  it('sends actions in both spellings, with call.id and a payload', () => {
    const actions = of('mirai').flatMap((c) => c.events).map((e) => at(e, 'event', 'data')).filter((d) => isObject(d) && 'action' in d);
    expect(new Set(actions.map((a) => at(a, 'action')))).toEqual(new Set(['create_order', 'create-order', 'send_whatsapp', 'send-whatsapp']));
    for (const action of actions) {
      expect(at(action, 'call', 'id')).toEqual(expect.any(String));
      expect(isObject(at(action, 'payload'))).toBe(true);
    }
    const order = actions.find((a) => String(at(a, 'action')).startsWith('create'));
    expect(at(order, 'payload', 'paymentMode')).toBe('cod');
    expect(at(order, 'payload', 'shippingAddress', 'country')).toBe('India');
  });
});

describe('MiniVoice and Atoms lifecycles', () => {
  it('MiniVoice sends created then completed with an event_key', () => {
    for (const call of of('minivoice')) {
      expect(call.events.map((e) => e.event)).toEqual(['call.created', 'call.completed']);
      for (const e of call.events) expect(at(e, 'data', 'event_key')).toBe(`${call.providerCallId}:${String(e.event)}`);
    }
  });

  it('Atoms sends start, end with a 6–10 turn transcript, then analytics', () => {
    for (const call of of('atoms')) {
      expect(call.events.map((e) => e.event)).toEqual(['call.start', 'call.end', 'analytics.completed']);
      const transcript = at(call.events[1], 'transcript');
      expect(Array.isArray(transcript) && transcript.length >= 6 && transcript.length <= 10).toBe(true);
      expect(at(call.events[1], 'disposition')).toBe(call.outcome);
      expect(String(at(call.events[0], 'caller_phone'))).toMatch(/^\+91[6-9]\d{9}$/);
    }
  });
});

describe('withDuplicates', () => {
  it('repeats some events right after themselves and keeps the rest', () => {
    const doubled = withDuplicates(calls, 0.5, 1);
    const before = calls.reduce((n, c) => n + c.events.length, 0);
    const after = doubled.reduce((n, c) => n + c.events.length, 0);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThan(before * 2);
    expect(doubled.map((c) => [...new Set(c.events)])).toEqual(calls.map((c) => c.events));
    expect(withDuplicates(calls, 0, 1)).toEqual(calls);
  });
});
