import { describe, expect, it } from 'vitest';
import { ATOMS_OUTCOMES } from '@/lib/providers/atoms/simulate';
import { MIRAI_OUTCOMES } from '@/lib/providers/mirai/simulate';
import { isoStrings } from '@/test/sim-json';
import { generateCalls, withDuplicates } from './lifecycles';

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 200, seed: 7, now });

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
