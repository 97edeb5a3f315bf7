import { addDays, localDate } from '@/lib/time-zone';
import type { Granularity } from './enums';
import type { Period } from './period';

// Buckets are named by the local date they start on, exactly as Postgres names them with
// to_char(date_trunc(g, at AT TIME ZONE tz), 'YYYY-MM-DD'): weeks start on Monday (ISO, like
// date_trunc), months on the 1st. Filling is pure calendar arithmetic on dates, so a DST change
// (a 23- or 25-hour day) never skips or repeats a bucket.

export { GRANULARITIES, type Granularity } from './enums';

function weekday(date: string): number {
  // 0 = Monday … 6 = Sunday
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The bucket a local date falls in. */
export function bucketStart(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'week') return addDays(date, -weekday(date));
  return `${date.slice(0, 7)}-01`;
}

/** The bucket of an instant, seen in `timeZone` (the zone decides which day 23:30 UTC is). */
export function bucketOf(instant: Date, timeZone: string, granularity: Granularity): string {
  return bucketStart(localDate(instant, timeZone), granularity);
}

function nextBucket(start: string, granularity: Granularity): string {
  if (granularity === 'day') return addDays(start, 1);
  if (granularity === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** Every bucket that overlaps the period, in order. */
export function bucketKeys(period: Period, granularity: Granularity): string[] {
  const keys: string[] = [];
  for (let b = bucketStart(period.from, granularity); b <= period.to; b = nextBucket(b, granularity)) keys.push(b);
  return keys;
}

/** The days of a bucket inside the period (the first and last buckets may be partial). */
export function bucketDays(bucket: string, granularity: Granularity, period: Period): Period {
  const end = addDays(nextBucket(bucket, granularity), -1);
  return { from: bucket < period.from ? period.from : bucket, to: end > period.to ? period.to : end };
}

export interface BucketValue {
  bucket: string;
  series: string;
  value: number;
}

export type FilledRow = { bucket: string } & Record<string, number | string>;

/**
 * One row per bucket with a number per series, missing ones as 0 — the shape Recharts stacks.
 * Buckets outside the period (a stray row) are dropped rather than drawn off the axis.
 */
export function fillBuckets(keys: string[], series: string[], values: BucketValue[]): FilledRow[] {
  const index = new Map(keys.map((k, i) => [k, i]));
  const rows: FilledRow[] = keys.map((bucket) => Object.fromEntries([['bucket', bucket], ...series.map((s) => [s, 0])]) as FilledRow);
  for (const v of values) {
    const i = index.get(v.bucket);
    const row = i === undefined ? undefined : rows[i];
    if (row && series.includes(v.series)) row[v.series] = Number(row[v.series] ?? 0) + v.value;
  }
  return rows;
}

/** Series names in order of their totals, largest first; beyond `max`, the rest become "other". */
export function topSeries(values: BucketValue[], max: number, other = 'other'): { series: string[]; values: BucketValue[] } {
  const totals = new Map<string, number>();
  for (const v of values) totals.set(v.series, (totals.get(v.series) ?? 0) + v.value);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  if (ranked.length <= max) return { series: ranked, values };
  const kept = new Set(ranked.slice(0, max - 1));
  return { series: [...kept, other], values: values.map((v) => (kept.has(v.series) ? v : { ...v, series: other })) };
}
