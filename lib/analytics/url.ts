import { DATE_RANGES, type DateRange } from '@/lib/schemas/calls';
import { BREAKDOWNS, GRANULARITIES, type Breakdown, type Granularity } from './enums';

// The analytics page's view in its URL. range/from/to/provider are the calls list's own
// parameters (same names, same meaning), so the period travels between the two pages as is.

export interface AnalyticsView {
  range?: DateRange;
  from?: string;
  to?: string;
  provider?: string[];
  granularity: Granularity;
  by: Breakdown;
  key?: string;
}

export const DEFAULT_ANALYTICS_VIEW: AnalyticsView = { range: '30d', granularity: 'day', by: 'none' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/** A value this page would never write is dropped on its own rather than failing the page. */
export function analyticsViewFromSearchParams(params: URLSearchParams): AnalyticsView {
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const range = oneOf(DATE_RANGES, params.get('range'));
  const dates = { from: from && DATE.test(from) ? from : undefined, to: to && DATE.test(to) ? to : undefined };
  const provider = params.get('provider')?.split(',').map((s) => s.trim()).filter(Boolean);
  const key = params.get('key')?.trim().slice(0, 100) || undefined;
  return {
    ...(range ? { range } : dates.from || dates.to ? dates : { range: DEFAULT_ANALYTICS_VIEW.range }),
    ...(provider?.length ? { provider } : {}),
    granularity: oneOf(GRANULARITIES, params.get('granularity')) ?? 'day',
    by: oneOf(BREAKDOWNS, params.get('by')) ?? 'none',
    ...(key ? { key } : {}),
  };
}

/** The page URL's query: defaults left out, so the same view always makes the same URL. */
export function analyticsViewToSearchParams(view: AnalyticsView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.range && view.range !== DEFAULT_ANALYTICS_VIEW.range) p.set('range', view.range);
  if (!view.range) {
    if (view.from) p.set('from', view.from);
    if (view.to) p.set('to', view.to);
  }
  if (view.provider?.length) p.set('provider', view.provider.join(','));
  if (view.granularity !== 'day') p.set('granularity', view.granularity);
  if (view.by !== 'none') p.set('by', view.by);
  if (view.by === 'meta' && view.key) p.set('key', view.key);
  return p;
}

/** The API query for a view: the range always spelled out, and the zone days are counted in. */
export function analyticsApiParams(view: AnalyticsView, timeZone: string): URLSearchParams {
  const p = analyticsViewToSearchParams(view);
  if (view.range) p.set('range', view.range);
  p.set('tz', timeZone);
  return p;
}
