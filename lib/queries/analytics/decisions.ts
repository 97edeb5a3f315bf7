import 'server-only';
import type { Granularity } from '@/lib/analytics/buckets';
import type { DecisionTimes, WaitingLimits } from '@/lib/analytics/types';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { resolveDateRange } from '@/lib/call-date-range';
import { pool } from '@/lib/db';
import { providerFilter, type Scope } from './shared';

// How fast decisions are made (issue 18): for the actions raised in the period (created_at, in
// the scope's zone), the time to their decision (decided_at) as p50 and p90, per bucket, per
// approver and in all, and how many waited past the waiting_approval limit of their kind. An
// action still pending counts as late once it has waited past the limit by `now`: leaving it
// out would make the slowest days look fast. One grouped scan (GROUPING SETS) of the period's
// actions; percentile_cont skips the undecided (their wait is NULL).

export interface DecisionTimesResult {
  rows: ({ bucket: string } & DecisionTimes)[];
  total: DecisionTimes;
  approvers: ({ approver: string } & Omit<DecisionTimes, 'raised' | 'waiting'>)[];
}

interface Row {
  set: 'bucket' | 'approver' | 'total';
  bucket: string | null;
  approver: string | null;
  raised: number;
  decided: number;
  waiting: number;
  p50: number | null;
  p90: number | null;
  late: number;
}

const EMPTY: DecisionTimes = { raised: 0, decided: 0, waiting: 0, p50: null, p90: null, late: 0 };

export async function decisionTimes(
  actor: Actor,
  scope: Scope,
  granularity: Granularity,
  limits: WaitingLimits,
  now: Date = new Date(),
): Promise<DecisionTimesResult> {
  assertCan(actor, 'actions:read');
  const { from, to } = resolveDateRange({ from: scope.period.from, to: scope.period.to }, scope.timeZone);
  const params: unknown[] = [from ?? new Date(0), to ?? now, scope.timeZone, now, limits.minutes, JSON.stringify(limits.byKind)];
  const providers = providerFilter(scope, params);
  const { rows } = await pool().query<Row>(
    `WITH a AS (
       SELECT date_trunc('${granularity}', created_at AT TIME ZONE $3) AS bucket, decided_by_email AS approver,
              decided_at IS NOT NULL AS decided,
              extract(epoch FROM decided_at - created_at)::float8 AS wait,
              coalesce(decided_at, $4) - created_at > coalesce(($6::jsonb ->> kind)::float8, $5::float8) * interval '1 minute' AS late
       FROM action
       WHERE created_at >= $1 AND created_at < $2${providers}
     )
     SELECT CASE WHEN grouping(bucket) = 0 THEN 'bucket' WHEN grouping(approver) = 0 THEN 'approver' ELSE 'total' END AS set,
            to_char(bucket, 'YYYY-MM-DD') AS bucket, approver,
            count(*)::int AS raised, count(*) FILTER (WHERE decided)::int AS decided, count(*) FILTER (WHERE NOT decided)::int AS waiting,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY wait) AS p90,
            count(*) FILTER (WHERE late)::int AS late
     FROM a
     GROUP BY GROUPING SETS ((bucket), (approver), ())`,
    params,
  );
  const times = (r: Row): DecisionTimes => ({ raised: r.raised, decided: r.decided, waiting: r.waiting, p50: r.p50, p90: r.p90, late: r.late });
  const total = rows.find((r) => r.set === 'total');
  return {
    rows: rows
      .filter((r) => r.set === 'bucket' && r.bucket !== null)
      .map((r) => ({ bucket: r.bucket as string, ...times(r) }))
      .sort((x, y) => x.bucket.localeCompare(y.bucket)),
    total: total ? times(total) : EMPTY,
    // The undecided group together under no approver: they are not anyone's decisions.
    approvers: rows
      .filter((r): r is Row & { approver: string } => r.set === 'approver' && r.approver !== null)
      .map((r) => ({ approver: r.approver, decided: r.decided, p50: r.p50, p90: r.p90, late: r.late }))
      .sort((x, y) => y.decided - x.decided || x.approver.localeCompare(y.approver)),
  };
}

/** An empty bucket: nothing raised, no times. */
export const NO_DECISIONS = EMPTY;
