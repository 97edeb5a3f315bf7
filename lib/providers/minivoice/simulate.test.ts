import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCalls, type SimCall } from '@/simulator/lifecycles';
import { at } from '@/test/sim-json';
import { signMiniVoice } from './simulate';

// The §5 test vector of providers.md, read as exact bytes from this provider's fixtures.
function vector(): string {
  return readFileSync(new URL('./fixtures/test-vector.json', import.meta.url), 'utf8');
}

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 200, seed: 7, now });

const of = (provider: SimCall['provider']) => calls.filter((c) => c.provider === provider);

describe('MiniVoice lifecycles', () => {
  it('MiniVoice sends created then completed with an event_key', () => {
    for (const call of of('minivoice')) {
      expect(call.events.map((e) => e.event)).toEqual(['call.created', 'call.completed']);
      for (const e of call.events) expect(at(e, 'data', 'event_key')).toBe(`${call.providerCallId}:${String(e.event)}`);
    }
  });
});

describe('signMiniVoice', () => {
  it('matches test vector B2', () => {
    const body = vector();
    expect(Buffer.byteLength(body)).toBe(361);
    expect(signMiniVoice(body, 'test_minivoice_webhook_secret', 1780056000)).toEqual({
      'x-minivoice-timestamp': '1780056000',
      'x-minivoice-signature': 'v1=a1154449ef648c9b681af507a48356f6d17e05dcdd3494c19fb8bb2ce595fee7',
    });
  });

  it('signs the timestamp too', () => {
    const body = vector();
    const a = signMiniVoice(body, 'test_minivoice_webhook_secret', 1780056000);
    const b = signMiniVoice(body, 'test_minivoice_webhook_secret', 1780056001);
    expect(a['x-minivoice-signature']).not.toBe(b['x-minivoice-signature']);
  });
});
