// Headline numbers beside the previous period of the same length.

export interface Delta {
  current: number | null;
  previous: number | null;
  /** current − previous; null when either is unknown. */
  change: number | null;
  /** Relative change; null when the previous value is unknown or zero (no meaningful %). */
  percent: number | null;
}

export function delta(current: number | null, previous: number | null): Delta {
  if (current === null || previous === null) return { current, previous, change: null, percent: null };
  const change = current - previous;
  return { current, previous, change, percent: previous === 0 ? null : change / Math.abs(previous) };
}

/** '+12%', '−3%', '0%' or '' — a real minus sign, rounded to a whole percent. */
export function formatPercentChange(d: Delta): string {
  if (d.percent === null) return '';
  const p = Math.round(d.percent * 100);
  return p > 0 ? `+${p}%` : p < 0 ? `−${Math.abs(p)}%` : '0%';
}

/** A ratio, or null when there is nothing to divide by (an empty period has no rate). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
