import 'server-only';
import type { QueryResultRow } from 'pg';
import type { Granularity } from '@/lib/analytics/buckets';
import type { Breakdown } from '@/lib/analytics/enums';
import type { Period } from '@/lib/analytics/period';
import type { RollupCoverage } from '@/lib/analytics/types';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool, type Queryable } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { type BucketRow, type HeadlineRow, providerFilter, type Scope, statusColumns } from './shared';

// Chart numbers from the per-day rollups (migrations 20261122140000_analytics_rollups and
// 20261122150000_analytics_meta_rollup), which the triggers on call keep current in one zone, as
// each writing transaction commits: a 30-day chart reads a few thousand rollup rows instead of a
// range of calls. Each reader answers null when the rollups are in another zone than the scope's
// (or, by metadata key, do not count the key); the caller then asks call (analytics.ts), which
// gives the same numbers.

/** The zone the rollups are in when the team has set none. */
export const DEFAULT_ROLLUP_ZONE = 'UTC';

/** `WHERE day >= $1 AND day <= $2 [AND provider = ANY($3)]`: a period is whole local days. */
function days(scope: Scope, period = scope.period) {
  const params: unknown[] = [period.from, period.to];
  return { sql: `WHERE day >= $1::date AND day <= $2::date${providerFilter(scope, params)}`, params };
}

/**
 * Runs `inner` only if the rollups are in `timeZone` (and count `covers`, a `$n` already among the
 * params naming a metadata key), checked in the same statement (one snapshot) so a rebuild
 * committing meanwhile cannot mix zones or keys. No row back means another zone, or a key not
 * counted: null. An `inner` with no rows comes back as one all-null row, which `keep` drops.
 */
async function inZone<T extends QueryResultRow>(
  inner: string,
  params: unknown[],
  timeZone: string,
  keep: (row: T) => boolean,
  orderBy = '',
  covers?: string,
): Promise<T[] | null> {
  params.push(timeZone);
  const key = covers ? ` AND ${covers} = ANY(z.meta_keys)` : '';
  const { rows } = await pool().query<T>(
    `SELECT g.* FROM call_rollup_zone z LEFT JOIN LATERAL (${inner}) g ON true WHERE z.zone = $${params.length}${key}${orderBy}`,
    params,
  );
  return rows.length === 0 ? null : rows.filter(keep);
}

/**
 * percentile_cont(0.9) read off the duration histogram exactly as Postgres computes it over the
 * sorted values: position 0.9 × (n − 1) in float8, the values at its floor and ceiling (the first
 * whose running count passes each), then lo + (pos − floor) × (hi − lo), in that order.
 */
const p90 = (w: string) => `SELECT CASE WHEN floor(pos) = ceil(pos) THEN lo ELSE lo + ((pos - floor(pos)) * (hi - lo)) END
  FROM (SELECT max(pos) AS pos, min(v) FILTER (WHERE upto > floor(pos)) AS lo, min(v) FILTER (WHERE upto > ceil(pos)) AS hi
        FROM (SELECT v, (sum(n) OVER (ORDER BY v))::bigint AS upto, 0.9::float8 * (sum(n) OVER () - 1)::float8 AS pos
              FROM (SELECT duration_seconds AS v, sum(calls) AS n FROM call_day_duration ${w} GROUP BY 1 HAVING sum(calls) > 0) h) c) r`;

// Each column as liveHeadline computes it over call, from the same exact sums and counts; credits
// from call_day_agent (on the days they were reported), summed over agents.
const headline = (w: string) => `SELECT coalesce(sum(calls), 0)::int AS calls,
       ${statusColumns((condition) => `coalesce(sum(calls) FILTER (WHERE ${condition}), 0)`)},
       coalesce(sum(judged), 0)::int AS judged,
       coalesce(sum(successful), 0)::int AS successful,
       sum(duration_sum)::float8 / nullif(sum(duration_n), 0)::float8 AS avg_duration,
       (${p90(w)}) AS p90_duration,
       (sum(attempts_sum) / nullif(sum(calls), 0))::float8 AS avg_attempts,
       coalesce(sum(rescheduled_sum), 0)::int AS reschedules,
       (SELECT coalesce(sum(credits_sum), 0)::float8 FROM call_day_agent ${w}) AS credits_used
     FROM call_day_status ${w}`;

export async function rollupHeadline(scope: Scope, period: Period): Promise<HeadlineRow | null> {
  const w = days(scope, period);
  const rows = await inZone<HeadlineRow>(headline(w.sql), w.params, scope.timeZone, () => true);
  return rows?.[0] ?? null;
}

/** Weeks and months are unions of days, named as the live query names them. */
const bucketOf = (granularity: Granularity) => `to_char(date_trunc('${granularity}', day::timestamp), 'YYYY-MM-DD')`;
const isBucket = (row: BucketRow) => row.bucket !== null;

export async function rollupVolume(scope: Scope, granularity: Granularity): Promise<BucketRow[] | null> {
  const w = days(scope);
  // A rollup row can be all zeros (its calls moved on), and a status with no calls is no series.
  const inner = `SELECT ${bucketOf(granularity)} AS bucket, status AS series, sum(calls)::float8 AS value
     FROM call_day_status ${w.sql} GROUP BY 1, 2 HAVING sum(calls) > 0`;
  return inZone<BucketRow>(inner, w.params, scope.timeZone, isBucket, ' ORDER BY 1, 2');
}

export async function rollupCredits(scope: Scope, granularity: Granularity, by: Breakdown, key?: string): Promise<BucketRow[] | null> {
  if (by === 'meta') return key === undefined ? null : rollupMetaCredits(scope, granularity, key);
  const w = days(scope);
  // call_day_agent has every call's credits on the day they were reported: summed over agents, the
  // total and each provider's. Only calls with credits make a bar, even when they add up to 0:
  // hence the count, not the sum.
  const series = by === 'agent' ? 'agent' : by === 'provider' ? 'provider' : `'credits'`;
  const inner = `SELECT ${bucketOf(granularity)} AS bucket, ${series} AS series, sum(credits_sum)::float8 AS value
     FROM call_day_agent ${w.sql} GROUP BY 1, 2 HAVING sum(credits_n) > 0`;
  return inZone<BucketRow>(inner, w.params, scope.timeZone, isBucket, ' ORDER BY 1, 2');
}

/** Credits by the value of one metadata key, when it is a breakdown key (else null: live). */
async function rollupMetaCredits(scope: Scope, granularity: Granularity, key: string): Promise<BucketRow[] | null> {
  const w = days(scope);
  w.params.push(key);
  const k = `$${w.params.length}`;
  const inner = `SELECT ${bucketOf(granularity)} AS bucket, value AS series, sum(credits_sum)::float8 AS value
     FROM call_day_meta ${w.sql} AND key = ${k} GROUP BY 1, 2 HAVING sum(credits_n) > 0`;
  return inZone<BucketRow>(inner, w.params, scope.timeZone, isBucket, ' ORDER BY 1, 2', k);
}

/** What the rollups answer, so the analytics page can say when a chart is counted live. */
export async function rollupCoverage(actor: Actor): Promise<RollupCoverage> {
  assertCan(actor, 'calls:read');
  const { rows } = await pool().query<{ zone: string; keys: string[] | null }>('SELECT zone, meta_keys AS keys FROM call_rollup_zone');
  return { zone: rows[0]?.zone ?? DEFAULT_ROLLUP_ZONE, keys: rows[0]?.keys ?? [] };
}

/**
 * Puts the rollups in `timeZone`, in the caller's transaction: a recompute from call (seconds at a
 * million calls) unless they are in it already. Ingest carries on meanwhile; call_rollup_rebuild
 * says why no delta is lost or counted twice.
 */
export async function rebuildRollups(client: Queryable, timeZone: string): Promise<void> {
  try {
    await client.query('SELECT call_rollup_rebuild($1)', [timeZone]);
  } catch (error) {
    // 22023: a zone Intl knows (it was validated) but Postgres does not; every chart would fail in it.
    if ((error as { code?: unknown }).code === '22023') throw new AppError(400, 'invalid_time_zone', `The database does not know the time zone ${timeZone}`);
    throw error;
  }
}

/**
 * Points the credits-by-key rollup at `keys`, in the caller's transaction: the rows of dropped keys
 * go, added keys are counted from call (one pass over call for all of them), kept ones stay.
 * Ingest carries on meanwhile; call_rollup_set_keys says why no delta is lost or counted twice.
 */
export async function setRollupKeys(client: Queryable, keys: string[]): Promise<void> {
  await client.query('SELECT call_rollup_set_keys($1::text[])', [keys]);
}
