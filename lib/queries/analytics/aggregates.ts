import 'server-only';
import type { Granularity } from '@/lib/analytics/buckets';
import type { Period } from '@/lib/analytics/period';
import type { Breakdown } from '@/lib/analytics/schema';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { resolveDateRange } from '@/lib/call-date-range';
import { pool } from '@/lib/db';
import { rollupCredits, rollupHeadline, rollupVolume } from './rollups';
import { type BucketRow, exactSum, type HeadlineRow, providerFilter, type Scope, statusColumns } from './shared';

// The analytics read models: every number is aggregated in Postgres, never by loading calls into
// Node. Calls are bucketed on when they happened (occurred_at) — the column the calls list's date
// filter uses — so a bar's click-through lists exactly the calls it counted; a late event or a
// reprocess never moves a call to another bucket. Credits are bucketed on when the provider
// reported them (credits_at, the time of the credit entry behind credits_used; a row without it,
// written by hand, counts on the call's day), so a call billed after midnight spends on the next
// day, as the balance line and the burn rates (credit_entry.at) have it. Buckets are named by their local start
// date in the zone. A chart in the rollup zone (the team's; UTC when unset) reads the per-day rollups
// (rollups.ts); any other zone, and credits by a metadata key that is not one of the
// team's breakdown keys (any key can be typed), are answered live from call: a grouped query over
// a range of call_analytics_idx (and, by metadata key, each call's row). Both give the same
// numbers, to the bit: float columns are summed exactly (exactSum), then rounded once, so the
// order rows are added in (a scan's, or a day's rollup's) cannot show.

export { type BucketRow, FAILURE_REASONS, type HeadlineRow, type Scope } from './shared';

const bucketSql = (column: string, granularity: Granularity, tzParam: string) => `date_trunc('${granularity}', ${column} AT TIME ZONE ${tzParam})`;

/** Groups first and names the buckets after: to_char on a few hundred rows, not on every call. */
const named = (inner: string) => `SELECT to_char(bucket, 'YYYY-MM-DD') AS bucket, series, value FROM (${inner}) g ORDER BY 1, 2`;

/** The period as instants, exactly as the calls list resolves the same from/to. */
function instants(period: Period, timeZone: string): { from: Date; to: Date } {
  const { from, to } = resolveDateRange({ from: period.from, to: period.to }, timeZone);
  return { from: from ?? new Date(0), to: to ?? new Date() };
}

/** `WHERE col >= $1 AND col < $2 [AND provider = ANY($3)]`, with its parameters. */
function where(column: string, scope: Scope, providerColumn = 'provider', period = scope.period) {
  const { from, to } = instants(period, scope.timeZone);
  const params: unknown[] = [from, to];
  const sql = `WHERE ${column} >= $1 AND ${column} < $2${providerFilter(scope, params, providerColumn)}`;
  return { sql, params };
}

/** When a call's credits were reported; a row written without credits_at counts on its own day. */
const CREDITS_TIME = 'coalesce(credits_at, occurred_at)';

/**
 * `WHERE` over the credits' time: two index ranges (credits_at's, and occurred_at's for the rows
 * without one) rather than the expression, which no index has.
 */
function creditsWhere(scope: Scope, period = scope.period) {
  const { from, to } = instants(period, scope.timeZone);
  const params: unknown[] = [from, to];
  const sql = `WHERE credits_used IS NOT NULL AND (credits_at >= $1 AND credits_at < $2 OR credits_at IS NULL AND occurred_at >= $1 AND occurred_at < $2)${providerFilter(scope, params)}`;
  return { sql, params };
}

const HEADLINE_SQL = `count(*)::int AS calls,
       ${statusColumns((condition) => `count(*) FILTER (WHERE ${condition})`)},
       count(success)::int AS judged,
       count(*) FILTER (WHERE success)::int AS successful,
       ${exactSum('duration_seconds')}::float8 / nullif(count(duration_seconds), 0)::float8 AS avg_duration,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_seconds)::float8 AS p90_duration,
       avg(attempts)::float8 AS avg_attempts,
       coalesce(sum(rescheduled_count), 0)::int AS reschedules`;

/**
 * One period's headline numbers from call: the calls that happened in it (one row, from
 * call_analytics_idx alone), and the credits reported in it.
 */
export async function liveHeadline(scope: Scope, period: Period): Promise<HeadlineRow> {
  const w = where('occurred_at', scope, 'provider', period);
  const c = creditsWhere(scope, period);
  const [{ rows }, credits] = await Promise.all([
    pool().query<Omit<HeadlineRow, 'credits_used'>>(`SELECT ${HEADLINE_SQL} FROM call ${w.sql}`, w.params),
    pool().query<{ credits_used: number }>(`SELECT ${exactSum('credits_used')}::float8 AS credits_used FROM call ${c.sql}`, c.params),
  ]);
  const row = rows[0];
  if (!row) throw new Error('an aggregate without GROUP BY always answers one row');
  return { ...row, credits_used: credits.rows[0]?.credits_used ?? 0 };
}

const headlineOf = async (scope: Scope, period: Period) => (await rollupHeadline(scope, period)) ?? liveHeadline(scope, period);

/** Headline numbers for the period and the one before it, side by side on two connections. */
export async function callHeadlines(actor: Actor, scope: Scope, previous: Period): Promise<{ current: HeadlineRow; previous: HeadlineRow }> {
  assertCan(actor, 'calls:read');
  const [current, before] = await Promise.all([headlineOf(scope, scope.period), headlineOf(scope, previous)]);
  return { current, previous: before };
}

/** Calls per bucket by canonical status, from call. */
export async function liveVolume(scope: Scope, granularity: Granularity): Promise<BucketRow[]> {
  const w = where('occurred_at', scope);
  w.params.push(scope.timeZone);
  const { rows } = await pool().query<BucketRow>(
    named(`SELECT ${bucketSql('occurred_at', granularity, `$${w.params.length}`)} AS bucket, status AS series, count(*)::float8 AS value
     FROM call ${w.sql} GROUP BY 1, 2`),
    w.params,
  );
  return rows;
}

/** Calls per bucket by canonical status (the stacked volume chart). */
export async function callVolume(actor: Actor, scope: Scope, granularity: Granularity): Promise<BucketRow[]> {
  assertCan(actor, 'calls:read');
  return (await rollupVolume(scope, granularity)) ?? liveVolume(scope, granularity);
}

/** Credits used per bucket (of when they were reported) from call, split as asked. */
export async function liveCredits(scope: Scope, granularity: Granularity, by: Breakdown, key?: string): Promise<BucketRow[]> {
  const w = creditsWhere(scope);
  w.params.push(scope.timeZone);
  const tz = `$${w.params.length}`;
  let series = `'credits'`;
  if (by === 'provider') series = 'provider';
  if (by === 'agent') series = `coalesce(agent_id, application_id, '(none)')`;
  if (by === 'meta') {
    w.params.push(key ?? '');
    series = `coalesce(metadata ->> $${w.params.length}, '(none)')`;
  }
  const { rows } = await pool().query<BucketRow>(
    named(`SELECT ${bucketSql(CREDITS_TIME, granularity, tz)} AS bucket, ${series} AS series, ${exactSum('credits_used')}::float8 AS value
     FROM call ${w.sql} GROUP BY 1, 2`),
    w.params,
  );
  return rows;
}

/** Credits used per bucket of when the provider reported them, split as asked. */
export async function creditsUsed(actor: Actor, scope: Scope, granularity: Granularity, by: Breakdown, key?: string): Promise<BucketRow[]> {
  assertCan(actor, 'calls:read');
  // Any metadata key can be picked: only the team's breakdown keys are in a rollup.
  return (await rollupCredits(scope, granularity, by, key)) ?? liveCredits(scope, granularity, by, key);
}

/** The last reported balance in each bucket, per provider (credit_entry is the time series). */
export async function balanceSeries(actor: Actor, scope: Scope, granularity: Granularity): Promise<BucketRow[]> {
  assertCan(actor, 'calls:read');
  const w = where('at', scope);
  w.params.push(scope.timeZone);
  const { rows } = await pool().query<BucketRow>(
    `SELECT DISTINCT ON (1, 2) to_char(${bucketSql('at', granularity, `$${w.params.length}`)}, 'YYYY-MM-DD') AS bucket, provider AS series, available::float8 AS value
     FROM credit_entry ${w.sql} AND available IS NOT NULL ORDER BY 1, 2, at DESC`,
    w.params,
  );
  return rows;
}

export interface BalanceNow {
  balance: number | null;
  balanceAt: Date | null;
  used7: number;
  used30: number;
}

/**
 * The balance now: the latest report of each provider, summed. Per provider, newest first on the
 * (at) index, so it stops at the first report — cheap enough for the banner on every page.
 */
export async function currentBalance(actor: Actor, providers: string[]): Promise<{ balance: number | null; balanceAt: Date | null }> {
  assertCan(actor, 'calls:read');
  const { rows } = await pool().query<{ balance: number | null; balance_at: Date | null }>(
    `SELECT sum(e.available)::float8 AS balance, max(e.at) AS balance_at FROM unnest($1::text[]) p,
       LATERAL (SELECT available, at FROM credit_entry WHERE provider = p AND available IS NOT NULL ORDER BY at DESC LIMIT 1) e`,
    [providers],
  );
  return { balance: rows[0]?.balance ?? null, balanceAt: rows[0]?.balance_at ?? null };
}

/** The balance now and what was spent over the last 7 and 30 days (one range scan on at). */
export async function balanceNow(actor: Actor, providers: string[], now: Date = new Date()): Promise<BalanceNow> {
  const [current, { rows }] = await Promise.all([
    currentBalance(actor, providers),
    pool().query<{ used7: number; used30: number }>(
      `SELECT coalesce(sum(used) FILTER (WHERE at >= $2::timestamptz - interval '7 days'), 0)::float8 AS used7, coalesce(sum(used), 0)::float8 AS used30
       FROM credit_entry WHERE at >= $2::timestamptz - interval '30 days' AND at <= $2 AND provider = ANY($1::text[])`,
      [providers, now],
    ),
  ]);
  return { ...current, used7: rows[0]?.used7 ?? 0, used30: rows[0]?.used30 ?? 0 };
}

/** Actions raised in the period by their status now. */
export async function actionsByStatus(actor: Actor, scope: Scope): Promise<Record<string, number>> {
  assertCan(actor, 'actions:read');
  const w = where('created_at', scope);
  const { rows } = await pool().query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM action ${w.sql} GROUP BY 1`, w.params);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
