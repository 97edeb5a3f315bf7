import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCalls, type SimCall } from '@/simulator/lifecycles';
import { at, isObject } from '@/test/sim-json';
import { publicKeyFor, signMirai } from './simulate';

// The §5 test vector of providers.md, read as exact bytes from this provider's fixtures.
function vector(): string {
  return readFileSync(new URL('./fixtures/test-vector.json', import.meta.url), 'utf8');
}

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 200, seed: 7, now });

const of = (provider: SimCall['provider']) => calls.filter((c) => c.provider === provider);

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

  it('says when every call happened, connected or not: its earliest startedAt is when it was placed', () => {
    for (const call of of('mirai')) {
      const starts = call.events.map((e) => at(e, 'event', 'data', 'call', 'startedAt')).filter((v): v is string => typeof v === 'string');
      expect(starts.length, `${call.outcome} ${call.providerCallId}`).toBeGreaterThan(0);
      const earliest = Math.min(...starts.map((v) => Date.parse(v)));
      expect(earliest - Date.parse(call.startedAt)).toBeGreaterThanOrEqual(0);
      expect(earliest - Date.parse(call.startedAt)).toBeLessThan(30_000);
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
    const credits = of('mirai')
      .flatMap((c) => c.events)
      .map((e) => at(e, 'event', 'data', 'credits'))
      .filter(isObject);
    expect(credits.length).toBeGreaterThan(10);
    for (let i = 1; i < credits.length; i++) {
      const [prev, cur] = [credits[i - 1]?.available as number, credits[i]?.available as number];
      if (cur < prev) expect(cur).toBe(prev - (credits[i]?.used as number));
    }
  });

  it('sends actions in both spellings, with call.id and a payload', () => {
    const actions = of('mirai')
      .flatMap((c) => c.events)
      .map((e) => at(e, 'event', 'data'))
      .filter((d) => isObject(d) && 'action' in d);
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

describe('signMirai', () => {
  const secret = 'sk_0000000000000000000000000000000000000000000000000000000000000001';

  it('matches test vector B1', () => {
    const body = vector();
    expect(Buffer.byteLength(body)).toBe(241);
    expect(signMirai(body, secret)['x-signature']).toBe('f285d8875becb230da59ff26bb87c521ad59bf0d0f81d570b618440f869e01b9');
  });

  it('sends a stable pk_ public key of 32 hex chars', () => {
    const headers = signMirai('{}', secret);
    expect(headers['x-public-key']).toMatch(/^pk_[0-9a-f]{32}$/);
    expect(headers['x-public-key']).toBe(publicKeyFor(secret));
    expect(publicKeyFor('sk_other')).not.toBe(headers['x-public-key']);
  });
});
