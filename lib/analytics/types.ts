import type { Granularity } from './buckets';
import type { Delta } from './deltas';
import type { Period } from './period';

// What each chart endpoint answers (JSON), shared by the route and the page.

export interface ChartBase {
  period: Period;
  timeZone: string;
}

export interface Headline {
  calls: number;
  finalCalls: number;
  connected: number;
  connectRate: number | null;
  judged: number;
  successful: number;
  successRate: number | null;
  avgDuration: number | null;
  p90Duration: number | null;
  avgAttempts: number | null;
  reschedules: number;
  creditsUsed: number;
}

export interface SummaryChart extends ChartBase {
  previousPeriod: Period;
  current: Headline;
  previous: Headline;
  deltas: Record<keyof Headline, Delta>;
  failures: { reason: string; calls: number }[];
}

export interface SeriesChart extends ChartBase {
  granularity: Granularity;
  series: string[];
  rows: ({ bucket: string } & Record<string, number | string>)[];
}

export interface BalanceChart extends SeriesChart {
  balance: number | null;
  balanceAt: string | null;
  burn7: number;
  burn30: number;
  runOut7: string | null;
  runOut30: string | null;
  threshold: number | null;
  low: boolean;
}

export interface ActionsChart extends ChartBase {
  rows: { stage: string; actions: number }[];
}

/** How long actions waited for a person, in seconds; p50/p90 over the decided ones. */
export interface DecisionTimes {
  /** Actions raised. */
  raised: number;
  /** Of them, decided (approved or rejected, whatever became of them after). */
  decided: number;
  /** Of them, still pending. */
  waiting: number;
  p50: number | null;
  p90: number | null;
  /** Waited past the waiting_approval limit of their kind: decided after it, or pending beyond it now. */
  late: number;
}

/** The waiting_approval rule's limit in minutes, and the kinds with their own. */
export interface WaitingLimits {
  minutes: number;
  byKind: Record<string, number>;
}

export interface DecisionsChart extends ChartBase {
  granularity: Granularity;
  limit: WaitingLimits;
  /** By when the actions were raised, every bucket of the period. */
  rows: ({ bucket: string } & DecisionTimes)[];
  total: DecisionTimes;
  /** By who decided, most decisions first. */
  approvers: ({ approver: string } & Omit<DecisionTimes, 'raised' | 'waiting'>)[];
}

/** What the rollups answer: charts in another zone, or credits by another key, are counted live. */
export interface RollupCoverage {
  /** The zone the rollups count days in (the team's; UTC when unset). */
  zone: string;
  /** The metadata keys credits are counted by (the team's breakdown keys), sorted. */
  keys: string[];
}
