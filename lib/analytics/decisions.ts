import { formatWait } from '@/lib/format';
import type { DecisionTimes, WaitingLimits } from './types';

// Pure shaping of "How fast decisions are made": every bucket of the period present (a day with
// nothing raised is a gap in the lines, not a zero wait), waits said in words, and the limit the
// "past the limit" count used.

const NONE: DecisionTimes = { raised: 0, decided: 0, waiting: 0, p50: null, p90: null, late: 0 };

export function fillDecisionBuckets(keys: string[], rows: ({ bucket: string } & DecisionTimes)[]): ({ bucket: string } & DecisionTimes)[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return keys.map((bucket) => ({ ...NONE, ...byBucket.get(bucket), bucket }));
}

/** "15 min (orders: 10 min)": the limit as the caption names it; `label` names a kind. */
export function limitWords(limit: WaitingLimits, label: (kind: string) => string = (k) => k.replace(/_/g, ' ')): string {
  const own = Object.entries(limit.byKind)
    .filter(([, m]) => m !== limit.minutes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, m]) => `${label(kind)}: ${formatWait(m * 60)}`);
  return `${formatWait(limit.minutes * 60)}${own.length ? ` (${own.join(', ')})` : ''}`;
}
