import type { DecisionTimes, WaitingLimits } from './types';

// Pure shaping of "How fast decisions are made": every bucket of the period present (a day with
// nothing raised is a gap in the lines, not a zero wait), waits said in words, and the limit the
// "past the limit" count used.

const NONE: DecisionTimes = { raised: 0, decided: 0, waiting: 0, p50: null, p90: null, late: 0 };

export function fillDecisionBuckets(keys: string[], rows: ({ bucket: string } & DecisionTimes)[]): ({ bucket: string } & DecisionTimes)[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return keys.map((bucket) => ({ ...NONE, ...byBucket.get(bucket), bucket }));
}

/** 42 → "42 s", 300 → "5 min", 5400 → "1 h 30 min", 200000 → "2 d 7 h". */
export function formatWait(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "15 min (orders: 10 min)": the limit as the caption names it; `label` names a kind. */
export function limitWords(limit: WaitingLimits, label: (kind: string) => string = (k) => k.replace(/_/g, ' ')): string {
  const own = Object.entries(limit.byKind)
    .filter(([, m]) => m !== limit.minutes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, m]) => `${label(kind)}: ${formatWait(m * 60)}`);
  return `${formatWait(limit.minutes * 60)}${own.length ? ` (${own.join(', ')})` : ''}`;
}
