import { describe, expect, it } from 'vitest';
import { periodDays, previousPeriod, resolvePeriod } from './period';

const now = new Date('2026-03-01T20:00:00Z'); // already 2 March in Kolkata

describe('resolvePeriod', () => {
  it.each([
    ['today in Kolkata', { range: 'today' }, 'Asia/Kolkata', { from: '2026-03-02', to: '2026-03-02' }],
    ['today in UTC', { range: 'today' }, 'UTC', { from: '2026-03-01', to: '2026-03-01' }],
    ['7d', { range: '7d' }, 'UTC', { from: '2026-02-23', to: '2026-03-01' }],
    ['nothing: last 30 days', {}, 'UTC', { from: '2026-01-31', to: '2026-03-01' }],
    ['plain dates', { from: '2026-01-01', to: '2026-01-31' }, 'UTC', { from: '2026-01-01', to: '2026-01-31' }],
    ['date-times read in the zone', { from: '2026-01-01T20:00:00Z', to: '2026-01-02T01:00:00Z' }, 'Asia/Kolkata', { from: '2026-01-02', to: '2026-01-02' }],
    ['reversed', { from: '2026-01-31', to: '2026-01-01' }, 'UTC', { from: '2026-01-01', to: '2026-01-31' }],
  ] as const)('%s', (_, input, zone, period) => {
    expect(resolvePeriod(input, zone, now)).toEqual(period);
  });
});

describe('previousPeriod', () => {
  it.each([
    [{ from: '2026-03-01', to: '2026-03-07' }, { from: '2026-02-22', to: '2026-02-28' }, 7],
    [{ from: '2026-03-02', to: '2026-03-02' }, { from: '2026-03-01', to: '2026-03-01' }, 1],
    [{ from: '2024-03-01', to: '2024-03-31' }, { from: '2024-01-30', to: '2024-02-29' }, 31],
  ])('%o → %o', (period, previous, days) => {
    expect(periodDays(period)).toBe(days);
    expect(previousPeriod(period)).toEqual(previous);
  });
});
