import 'server-only';
import { type BucketValue, bucketKeys, fillBuckets, topSeries } from '@/lib/analytics/buckets';
import { fillDecisionBuckets } from '@/lib/analytics/decisions';
import { delta, ratio } from '@/lib/analytics/deltas';
import { previousPeriod, resolvePeriod } from '@/lib/analytics/period';
import { averageDailyBurn, isLowBalance, runOutDate } from '@/lib/analytics/run-out';
import type { AnalyticsQuery } from '@/lib/analytics/schema';
import type { ActionsChart, BalanceChart, DecisionsChart, Headline, SeriesChart, SummaryChart } from '@/lib/analytics/types';
import type { Actor } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import { PROVIDERS } from '@/lib/providers/registry';
import { CALL_STATUSES } from '@/lib/providers/types';
import { getLowBalanceThreshold, getTeamTimeZone } from '@/lib/queries/admin/settings';
import { alertSettings } from '@/lib/queries/alerts/settings';
import { maskSeries } from '@/lib/queries/privacy';
import { localDate } from '@/lib/time-zone';
import {
  actionsByStatus,
  balanceNow,
  balanceSeries,
  callHeadlines,
  callVolume,
  creditsUsed,
  FAILURE_REASONS,
  type HeadlineRow,
  type Scope,
} from './aggregates';
import { decisionTimes } from './decisions';

// Each chart: its query (./analytics.ts), then pure shaping (lib/analytics).

/** More series than this make a legend nobody can read; the smallest become "other". */
const MAX_SERIES = 8;

export async function scopeFor(actor: Actor, q: AnalyticsQuery, now: Date = new Date()): Promise<Scope> {
  const timeZone = q.tz ?? (await getTeamTimeZone(actor)) ?? 'UTC';
  return { period: resolvePeriod(q, timeZone, now), timeZone, provider: q.provider };
}

function headline(r: HeadlineRow): Headline {
  return {
    calls: r.calls,
    finalCalls: r.final_calls,
    connected: r.connected,
    connectRate: ratio(r.connected, r.final_calls),
    judged: r.judged,
    successful: r.successful,
    successRate: ratio(r.successful, r.judged),
    avgDuration: r.avg_duration,
    p90Duration: r.p90_duration,
    avgAttempts: r.avg_attempts,
    reschedules: r.reschedules,
    creditsUsed: r.credits_used,
  };
}

export async function summaryChart(actor: Actor, scope: Scope): Promise<SummaryChart> {
  const previous = previousPeriod(scope.period);
  const rows = await callHeadlines(actor, scope, previous);
  const current = headline(rows.current);
  const before = headline(rows.previous);
  const keys = Object.keys(current) as (keyof Headline)[];
  return {
    period: scope.period,
    timeZone: scope.timeZone,
    previousPeriod: previous,
    current,
    previous: before,
    deltas: Object.fromEntries(keys.map((k) => [k, delta(current[k], before[k])])) as SummaryChart['deltas'],
    failures: FAILURE_REASONS.map((reason) => ({ reason, calls: Number(rows.current.failures[reason] ?? 0) })),
  };
}

const statusRank = (s: string) => {
  const i = (CALL_STATUSES as readonly string[]).indexOf(s);
  return i < 0 ? CALL_STATUSES.length : i;
};

export async function volumeChart(actor: Actor, scope: Scope, q: AnalyticsQuery): Promise<SeriesChart> {
  const values: BucketValue[] = await callVolume(actor, scope, q.granularity);
  const series = [...new Set(values.map((v) => v.series))].sort((a, b) => statusRank(a) - statusRank(b) || a.localeCompare(b));
  const keys = bucketKeys(scope.period, q.granularity);
  return { period: scope.period, timeZone: scope.timeZone, granularity: q.granularity, series, rows: fillBuckets(keys, series, values) };
}

export async function creditsChart(actor: Actor, scope: Scope, q: AnalyticsQuery): Promise<SeriesChart> {
  const by = q.by === 'meta' && !q.key ? 'none' : q.by;
  const top = topSeries(maskSeries(actor, by === 'meta' ? q.key : undefined, await creditsUsed(actor, scope, q.granularity, by, q.key)), MAX_SERIES);
  const keys = bucketKeys(scope.period, q.granularity);
  return { period: scope.period, timeZone: scope.timeZone, granularity: q.granularity, series: top.series, rows: fillBuckets(keys, top.series, top.values) };
}

export async function balanceChart(actor: Actor, scope: Scope, q: AnalyticsQuery, now: Date = new Date()): Promise<BalanceChart> {
  const providers = scope.provider?.length ? scope.provider : Object.keys(PROVIDERS);
  const [values, balance, threshold] = await Promise.all([
    balanceSeries(actor, scope, q.granularity),
    balanceNow(actor, providers, now),
    getLowBalanceThreshold(actor),
  ]);
  const series = [...new Set(values.map((v) => v.series))].sort();
  // A bucket without a report has no known balance: left out so the line bridges it, not drawn at 0.
  const rows = bucketKeys(scope.period, q.granularity).map((bucket) => {
    const row: SeriesChart['rows'][number] = { bucket };
    for (const v of values) if (v.bucket === bucket) row[v.series] = v.value;
    return row;
  });
  const today = localDate(now, scope.timeZone);
  const burn7 = averageDailyBurn(balance.used7, 7);
  const burn30 = averageDailyBurn(balance.used30, 30);
  return {
    period: scope.period,
    timeZone: scope.timeZone,
    granularity: q.granularity,
    series,
    rows,
    balance: balance.balance,
    balanceAt: balance.balanceAt?.toISOString() ?? null,
    burn7,
    burn30,
    runOut7: runOutDate(balance.balance, burn7, today),
    runOut30: runOutDate(balance.balance, burn30, today),
    threshold,
    low: isLowBalance(balance.balance, threshold),
  };
}

export async function actionsChart(actor: Actor, scope: Scope): Promise<ActionsChart> {
  const by = await actionsByStatus(actor, scope);
  const n = (...statuses: string[]) => statuses.reduce((sum, s) => sum + (by[s] ?? 0), 0);
  const raised = Object.values(by).reduce((a, b) => a + b, 0);
  return {
    period: scope.period,
    timeZone: scope.timeZone,
    rows: [
      { stage: 'raised', actions: raised },
      // Approved counts every action a person approved, whatever happened after.
      { stage: 'approved', actions: n('approved', 'dispatched', 'failed', 'needs_check') },
      { stage: 'rejected', actions: n('rejected') },
      { stage: 'dispatched', actions: n('dispatched') },
    ],
  };
}

/** The waiting_approval rule's limit, as the alerts evaluate it (not a secret: every reader of the chart sees it). */
async function waitingLimits(): Promise<DecisionsChart['limit']> {
  const { rules } = await alertSettings(pool());
  return { minutes: rules.waitingApproval.minutes, byKind: rules.waitingApproval.perKind };
}

export async function decisionsChart(actor: Actor, scope: Scope, q: AnalyticsQuery, now: Date = new Date()): Promise<DecisionsChart> {
  const limit = await waitingLimits();
  const times = await decisionTimes(actor, scope, q.granularity, limit, now);
  return {
    period: scope.period,
    timeZone: scope.timeZone,
    granularity: q.granularity,
    limit,
    rows: fillDecisionBuckets(bucketKeys(scope.period, q.granularity), times.rows),
    total: times.total,
    approvers: times.approvers,
  };
}
