import { createLoader, createParser, createSerializer, type inferParserType, parseAsStringLiteral } from 'nuqs/server';
import { DATE_RANGES, type DateRange } from '@/lib/schemas/calls';
import { BREAKDOWNS, type Breakdown, GRANULARITIES, type Granularity } from './enums';

// The analytics page's view in its URL. range/from/to/provider are the calls list's own
// parameters (same names, same meaning), so the period travels between the two pages as is.
// The parsers below are the one definition of that URL: the page's filters read and write it
// with them (useQueryStates, in use-analytics-url.ts), tests and links through the loader and
// serializer made from them.

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
const day = createParser({ parse: (v) => (DATE.test(v) ? v : null), serialize: String });

// A value this page would never write reads as absent, on its own, rather than failing the page.
export const analyticsViewParsers = {
  range: parseAsStringLiteral(DATE_RANGES),
  from: day,
  to: day,
  provider: createParser({
    parse: (v) => {
      const ids = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return ids.length ? ids : null;
    },
    serialize: (ids: string[]) => ids.join(','),
  }),
  granularity: parseAsStringLiteral(GRANULARITIES).withDefault(DEFAULT_ANALYTICS_VIEW.granularity),
  by: parseAsStringLiteral(BREAKDOWNS).withDefault(DEFAULT_ANALYTICS_VIEW.by),
  key: createParser({ parse: (v) => v.trim().slice(0, 100) || null, serialize: String }),
};

type AnalyticsValues = inferParserType<typeof analyticsViewParsers>;

const loadValues = createLoader(analyticsViewParsers);
const serialize = createSerializer(analyticsViewParsers);

/** The view parsed URL values describe: a preset, else the dates, else the default preset. */
export function analyticsViewFromValues(v: AnalyticsValues): AnalyticsView {
  const dates = { ...(v.from ? { from: v.from } : {}), ...(v.to ? { to: v.to } : {}) };
  return {
    ...(v.range ? { range: v.range } : v.from || v.to ? dates : { range: DEFAULT_ANALYTICS_VIEW.range }),
    ...(v.provider?.length ? { provider: v.provider } : {}),
    granularity: v.granularity,
    by: v.by,
    ...(v.key ? { key: v.key } : {}),
  };
}

/** The URL values of a view: defaults left out (null), so the same view always makes the same URL. */
export function analyticsViewToValues(view: AnalyticsView): { [K in keyof AnalyticsValues]: AnalyticsValues[K] | null } {
  return {
    range: view.range && view.range !== DEFAULT_ANALYTICS_VIEW.range ? view.range : null,
    from: (!view.range && view.from) || null,
    to: (!view.range && view.to) || null,
    provider: view.provider?.length ? view.provider : null,
    granularity: view.granularity,
    by: view.by,
    key: (view.by === 'meta' && view.key) || null,
  };
}

export function analyticsViewFromSearchParams(params: URLSearchParams): AnalyticsView {
  return analyticsViewFromValues(loadValues(params));
}

/** The page URL's query. */
export function analyticsViewToSearchParams(view: AnalyticsView): URLSearchParams {
  return new URLSearchParams(serialize(analyticsViewToValues(view)));
}

/** The API query for a view: the range always spelled out, and the zone days are counted in. */
export function analyticsApiParams(view: AnalyticsView, timeZone: string): URLSearchParams {
  const p = analyticsViewToSearchParams(view);
  if (view.range) p.set('range', view.range);
  p.set('tz', timeZone);
  return p;
}
