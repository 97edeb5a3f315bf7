import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCalls, type SimCall } from '@/simulator/lifecycles';
import { at } from '@/test/sim-json';
import { signAtoms } from './simulate';

// The §5 test vector of providers.md, read as exact bytes from this provider's fixtures.
function vector(): string {
  return readFileSync(new URL('./fixtures/test-vector.json', import.meta.url), 'utf8');
}

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 200, seed: 7, now });

const of = (provider: SimCall['provider']) => calls.filter((c) => c.provider === provider);

describe('Atoms lifecycles', () => {
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

describe('signAtoms', () => {
  it('matches test vector B3', () => {
    const body = vector();
    expect(Buffer.byteLength(body)).toBe(381);
    expect(signAtoms(body, 'test_atoms_signing_secret')).toEqual({
      'x-signature': '86ccc92d934e545443b378a2e466e6478efa511c7809741f08a04f795997a530',
    });
  });
});
