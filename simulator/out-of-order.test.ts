import { describe, expect, it } from 'vitest';
import { generateCalls } from './lifecycles';
import { withOutOfOrder } from './out-of-order';

const calls = generateCalls({ count: 100, seed: 5, now: new Date('2026-08-01T12:00:00Z') });

describe('withOutOfOrder', () => {
  it('is deterministic for a seed', () => {
    expect(withOutOfOrder(calls, 0.5, 9)).toEqual(withOutOfOrder(calls, 0.5, 9));
    expect(withOutOfOrder(calls, 0.5, 9)).not.toEqual(withOutOfOrder(calls, 0.5, 10));
  });

  it('reorders some calls but never adds or drops an event', () => {
    const shuffled = withOutOfOrder(calls, 0.5, 9);
    const moved = shuffled.filter((c, i) => c.events.some((e, j) => e !== calls[i]?.events[j])).length;
    expect(moved).toBeGreaterThan(10);
    expect(moved).toBeLessThan(90);
    shuffled.forEach((c, i) => {
      expect(new Set(c.events)).toEqual(new Set(calls[i]?.events));
    });
  });

  it('leaves the traffic alone at probability 0', () => {
    expect(withOutOfOrder(calls, 0, 9)).toEqual(calls);
  });
});
