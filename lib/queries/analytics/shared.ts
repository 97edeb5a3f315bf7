import type { Period } from '@/lib/analytics/period';

// What the live chart queries (aggregates.ts, over call) and the rollup ones (rollups.ts,
// over call_day_*) share, so both answer in the same shapes and count the same statuses the same
// way: a chart must not change by a single call, or a single bit, when its zone switches path.

export interface Scope {
  period: Period;
  timeZone: string;
  provider?: string[];
}

export interface HeadlineRow {
  calls: number;
  final_calls: number;
  connected: number;
  judged: number;
  successful: number;
  avg_duration: number | null;
  p90_duration: number | null;
  avg_attempts: number | null;
  reschedules: number;
  credits_used: number;
  failures: Record<string, number>;
}

export interface BucketRow {
  bucket: string;
  series: string;
  value: number;
}

export const FAILURE_REASONS = ['busy', 'no_answer', 'validation_failed', 'skipped', 'timeout'] as const;

/** Not answered one way or another yet (queued or ringing): left out of a rate's base. */
const OPEN = `'queued', 'in_progress'`;
/** The agent reached someone: a completed conversation or a voicemail. */
const CONNECTED = `'completed', 'voicemail'`;

/**
 * The headline columns that count calls by status, given how a source counts the calls matching
 * a condition: count(*) FILTER over calls, or a sum of the calls column over rollup rows.
 */
export function statusColumns(count: (condition: string) => string): string {
  const failures = FAILURE_REASONS.map((reason) => `'${reason}', ${count(`status = '${reason}'`)}`).join(', ');
  return `${count(`status NOT IN (${OPEN})`)}::int AS final_calls, ${count(`status IN (${CONNECTED})`)}::int AS connected,
       jsonb_build_object(${failures}) AS failures`;
}

/**
 * sum(column::numeric) of a float8 column, the exact sum the rollups keep, computed faster: whole
 * numbers below 10^15 (most durations) are summed as int8, exact and cheap, and only the rest go
 * through float8 → numeric, which prints 15 significant digits first (a third of a microsecond a
 * row). Same value either way: below 10^15 those 15 digits are the whole number. NULLs add nothing;
 * no value at all sums to 0.
 */
export function exactSum(column: string): string {
  const whole = `${column} = trunc(${column}) AND abs(${column}) < 1e15::float8`;
  return `(coalesce(sum(${column}::int8) FILTER (WHERE ${whole}), 0) + coalesce(sum(${column}::numeric) FILTER (WHERE NOT (${whole})), 0))`;
}

/** `AND <column> = ANY($n)` when the scope names providers (its parameter pushed onto `params`). */
export function providerFilter(scope: Scope, params: unknown[], column = 'provider'): string {
  if (!scope.provider?.length) return '';
  params.push(scope.provider);
  return ` AND ${column} = ANY($${params.length}::text[])`;
}
