import { describe, expect, it } from 'vitest';
import { describeProgress, throttledProgress } from './reprocess-progress';

describe('describeProgress', () => {
  it.each([
    [{ done: 12_000, total: 1_000_000 }, 3_000, '12,000 of 1,000,000 deliveries (1.2%) · 4,000/s · about 4 min 07 s left'],
    [{ done: 100_000, total: 50_000_000 }, 20_000, '100,000 of 50,000,000 deliveries (0.2%) · 5,000/s · about 2 h 46 min left'],
    [{ done: 500, total: 2_000 }, 1_000, '500 of 2,000 deliveries (25.0%) · 500/s · about 3 s left'],
    [{ done: 0, total: 2_000 }, 1_000, '0 of 2,000 deliveries (0.0%) · 0/s · time left unknown'],
    [{ done: 0, total: 0 }, 0, '0 of 0 deliveries · 0/s · time left unknown'],
  ])('%o after %i ms', (progress, elapsed, line) => {
    expect(describeProgress(progress, elapsed)).toBe(line);
  });
});

describe('throttledProgress', () => {
  it('writes at most once a second, and always the last step', () => {
    let now = 0;
    const lines: string[] = [];
    const report = throttledProgress((line) => lines.push(line), { now: () => now });
    for (const [t, done] of [
      [100, 500],
      [400, 1_000],
      [900, 1_500],
      [1_200, 2_000],
      [1_300, 2_500],
      [1_350, 3_000],
    ] as const) {
      now = t;
      report({ done, total: 3_000 });
    }
    expect(lines).toEqual([
      '500 of 3,000 deliveries (16.7%) · 5,000/s · about 1 s left',
      '2,000 of 3,000 deliveries (66.7%) · 1,667/s · about 1 s left',
      '3,000 of 3,000 deliveries (100.0%) · 2,222/s · about 0 s left',
    ]);
  });
});
