import { describe, expect, it } from 'vitest';
import { delta, formatPercentChange, ratio } from './deltas';

describe('delta', () => {
  it.each([
    ['growth', 120, 100, 20, 0.2, '+20%'],
    ['drop', 75, 100, -25, -0.25, '−25%'],
    ['flat', 5, 5, 0, 0, '0%'],
    ['from zero: no percent', 10, 0, 10, null, ''],
    ['unknown previous', 10, null, null, null, ''],
    ['unknown current', null, 3, null, null, ''],
  ] as const)('%s', (_, current, previous, change, percent, text) => {
    const d = delta(current, previous);
    expect(d.change).toBe(change);
    expect(d.percent).toBe(percent);
    expect(formatPercentChange(d)).toBe(text);
  });
});

describe('ratio', () => {
  it.each([
    [1, 4, 0.25],
    [0, 4, 0],
    [3, 0, null],
  ])('%d / %d → %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });
});
