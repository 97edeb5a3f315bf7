// Numbers as the analytics page shows them.

export const formatCount = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 0 });
export const formatCredits = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });
export const formatPercent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** '2026-03-09' → '9 Mar' (the bucket is already a local date: no zone conversion). */
export function formatBucket(bucket: string): string {
  const d = new Date(`${bucket}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? bucket : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
