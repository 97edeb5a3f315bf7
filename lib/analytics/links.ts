import { bucketDays, type Granularity } from './buckets';
import type { Period } from './period';

// A bar or point → the calls list showing exactly the calls behind it: the bucket's days (the
// list's from/to are whole days in the same zone, on last activity, like the charts), the page's
// provider filter, and the series when it is a filter the list has.

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
  const params = new URLSearchParams({ from: days.from, to: days.to });
  const provider = t.breakdownProvider ? [t.breakdownProvider] : t.provider;
  if (provider?.length) params.set('provider', provider.join(','));
  if (t.status) params.set('status', t.status);
  if (t.agent) params.set('agent', t.agent);
  if (t.meta) params.set('meta', `${t.meta.key}=${t.meta.value}`);
  return `/calls?${params.toString()}`;
}
