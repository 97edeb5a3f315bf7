import { callViewParsers, DEFAULT_VIEW, viewToSearchParams } from '@/lib/call-view-filters';
import { bucketDays, type Granularity } from './buckets';
import type { Period } from './period';

// A bar or point → the calls list showing the calls behind it: the bucket's days (the list's
// from/to are whole days in the same zone, on when calls happened, like the charts; a credits bar
// counts days of when credits were reported, so it lists the calls that happened on them), the
// page's provider filter, and the series when it is a filter the list has. The link is written by the
// calls page's own URL parsers, so it says what that page reads.

export interface ClickTarget {
  bucket: string;
  granularity: Granularity;
  period: Period;
  provider?: readonly string[];
  status?: string;
  agent?: string;
  meta?: { key: string; value: string };
  breakdownProvider?: string;
}

export function callsHref(t: ClickTarget): string {
  const days = bucketDays(t.bucket, t.granularity, t.period);
  const provider = t.breakdownProvider ? [t.breakdownProvider] : t.provider;
  const params = viewToSearchParams({
    ...DEFAULT_VIEW,
    from: days.from,
    to: days.to,
    provider: provider ? [...provider] : undefined,
    // A chart series is a status only if the calls page reads it as one.
    status: t.status ? (callViewParsers.status.parse(t.status) ?? undefined) : undefined,
    agent: t.agent,
    meta: t.meta,
  });
  return `/calls?${params.toString()}`;
}
