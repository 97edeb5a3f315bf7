import { describe, expect, it } from 'vitest';
import { generateCalls } from './lifecycles';

// The newer envelopes: Mirai v2 and Atoms' current format.

const now = new Date('2026-08-01T12:00:00Z');
describe('the default mix', () => {
  it('is unchanged by the newer dialects: demo and bench traffic stay the same for a seed', () => {
    const old = generateCalls({ count: 40, seed: 9, now });
    expect(new Set(old.map((c) => c.provider))).toEqual(new Set(['mirai', 'minivoice', 'atoms']));
    expect(old.some((c) => c.dialect)).toBe(false);
  });
});
