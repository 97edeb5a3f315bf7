import { describe, expect, it } from 'vitest';
import { bucketDays, bucketKeys, bucketOf, fillBuckets, topSeries } from './buckets';

describe('bucketOf: the zone decides the day', () => {
  it.each([
    // A time-zone boundary: the same instant is a different day in Kolkata and in UTC.
    ['2026-03-01T20:00:00Z', 'Asia/Kolkata', 'day', '2026-03-02'],
    ['2026-03-01T20:00:00Z', 'UTC', 'day', '2026-03-01'],
    ['2026-03-02T03:00:00Z', 'America/Los_Angeles', 'day', '2026-03-01'],
    // New York springs forward on 2026-03-08 (a 23-hour day): 23:30 local is still the 8th.
    ['2026-03-09T03:30:00Z', 'America/New_York', 'day', '2026-03-08'],
    ['2026-03-09T04:30:00Z', 'America/New_York', 'day', '2026-03-09'],
    // …and falls back on 2026-11-01 (25 hours): 23:30 local is 04:30 UTC the next day.
    ['2026-11-02T04:30:00Z', 'America/New_York', 'day', '2026-11-01'],
    ['2026-11-02T05:30:00Z', 'America/New_York', 'day', '2026-11-02'],
    // Weeks start on Monday, as Postgres's date_trunc('week') does; months on the 1st, in the zone.
    ['2026-03-08T12:00:00Z', 'UTC', 'week', '2026-03-02'],
    ['2026-03-09T00:30:00Z', 'Asia/Kolkata', 'week', '2026-03-09'],
    ['2026-03-31T20:00:00Z', 'Asia/Kolkata', 'month', '2026-04-01'],
    ['2026-03-31T20:00:00Z', 'UTC', 'month', '2026-03-01'],
  ] as const)('%s in %s by %s → %s', (instant, zone, granularity, bucket) => {
    expect(bucketOf(new Date(instant), zone, granularity)).toBe(bucket);
  });
});

describe('bucketKeys', () => {
  it.each([
    ['days across spring-forward', { from: '2026-03-07', to: '2026-03-10' }, 'day', ['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']],
    ['days across fall-back', { from: '2026-10-31', to: '2026-11-02' }, 'day', ['2026-10-31', '2026-11-01', '2026-11-02']],
    ['weeks from mid-week', { from: '2026-03-04', to: '2026-03-17' }, 'week', ['2026-03-02', '2026-03-09', '2026-03-16']],
    ['months across a year', { from: '2025-12-15', to: '2026-02-01' }, 'month', ['2025-12-01', '2026-01-01', '2026-02-01']],
    ['one day', { from: '2026-02-28', to: '2026-02-28' }, 'day', ['2026-02-28']],
  ] as const)('%s', (_, period, granularity, keys) => {
    expect(bucketKeys(period, granularity)).toEqual(keys);
  });
});

describe('bucketDays: a bucket clipped to the period', () => {
  it.each([
    ['2026-03-09', 'day', { from: '2026-03-01', to: '2026-03-31' }, { from: '2026-03-09', to: '2026-03-09' }],
    ['2026-03-02', 'week', { from: '2026-03-04', to: '2026-03-31' }, { from: '2026-03-04', to: '2026-03-08' }],
    ['2026-02-01', 'month', { from: '2026-01-15', to: '2026-02-10' }, { from: '2026-02-01', to: '2026-02-10' }],
    ['2024-02-01', 'month', { from: '2024-01-01', to: '2024-12-31' }, { from: '2024-02-01', to: '2024-02-29' }],
  ] as const)('%s by %s', (bucket, granularity, period, days) => {
    expect(bucketDays(bucket, granularity, period)).toEqual(days);
  });
});

describe('fillBuckets', () => {
  it('fills missing buckets and series with 0, adds duplicates, drops strays', () => {
    const rows = fillBuckets(
      ['2026-03-07', '2026-03-08'],
      ['completed', 'busy'],
      [
        { bucket: '2026-03-08', series: 'completed', value: 2 },
        { bucket: '2026-03-08', series: 'completed', value: 1 },
        { bucket: '2026-03-09', series: 'busy', value: 5 },
        { bucket: '2026-03-07', series: 'unknown', value: 5 },
      ],
    );
    expect(rows).toEqual([
      { bucket: '2026-03-07', completed: 0, busy: 0 },
      { bucket: '2026-03-08', completed: 3, busy: 0 },
    ]);
  });
});

describe('topSeries', () => {
  it('keeps the largest and folds the rest into other', () => {
    const values = [
      { bucket: 'd', series: 'a', value: 1 },
      { bucket: 'd', series: 'b', value: 10 },
      { bucket: 'd', series: 'c', value: 5 },
    ];
    expect(topSeries(values, 3).series).toEqual(['b', 'c', 'a']);
    const top = topSeries(values, 2);
    expect(top.series).toEqual(['b', 'other']);
    expect(top.values.map((v) => v.series)).toEqual(['other', 'b', 'other']);
  });
});
