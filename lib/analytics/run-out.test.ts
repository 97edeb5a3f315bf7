import { describe, expect, it } from 'vitest';
import { averageDailyBurn, isLowBalance, runOutDate } from './run-out';

describe('runOutDate', () => {
  it.each([
    ['lasts whole days only', 100, 30, '2026-03-01', '2026-03-04'],
    ['exactly divisible', 90, 30, '2026-03-01', '2026-03-04'],
    ['crosses a month and a leap day', 100, 1, '2028-02-01', '2028-05-11'],
    ['already empty', 0, 10, '2026-03-01', '2026-03-01'],
    ['overdrawn', -5, 10, '2026-03-01', '2026-03-01'],
    ['nothing spent: never', 100, 0, '2026-03-01', null],
    ['no balance reported', null, 10, '2026-03-01', null],
  ] as const)('%s', (_, balance, burn, today, expected) => {
    expect(runOutDate(balance, burn, today)).toBe(expected);
  });
});

describe('averageDailyBurn', () => {
  it.each([
    [70, 7, 10],
    [0, 7, 0],
    [30, 0, 0],
    [45, 30, 1.5],
  ])('%d over %d days → %d a day', (used, days, burn) => {
    expect(averageDailyBurn(used, days)).toBe(burn);
  });
});

describe('isLowBalance', () => {
  it.each([
    [100, 50, false],
    [50, 50, true],
    [10, 50, true],
    [10, null, false],
    [null, 50, false],
  ] as const)('balance %s, threshold %s → %s', (balance, threshold, low) => {
    expect(isLowBalance(balance, threshold)).toBe(low);
  });
});
