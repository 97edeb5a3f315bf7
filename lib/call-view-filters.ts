import { createLoader, createParser, createSerializer, type inferParserType, type SearchParams } from 'nuqs/server';
import type { z } from 'zod';
import { type CallExportFilters, callExportSchema } from '@/lib/schemas/calls';
import { isDateOnly } from '@/lib/time-zone';

// The calls page keeps its whole view (filters and sort) in the URL, under the names
// GET /api/calls takes, so a link shares the view and a reload keeps it. The parsers below are
// the one definition of that URL: the server page reads it with them (createLoader), the page's
// filters write it with them (useQueryStates, in use-view-url.ts), links are made with them
// (createSerializer).

/** Filters and sort as the page holds them; the zone is not part of a view, it is the team's. */
export type CallView = Omit<CallExportFilters, 'tz'>;

export const DEFAULT_VIEW: CallView = { sort: 'happened', dir: 'desc' };

/** Calls per keyset page, on the server's first paint and every page after. */
export const CALLS_PAGE_SIZE = 50;

const shape = callExportSchema.shape;

/**
 * A URL value read by the API's own schema for its key. A value this page would never write
 * (a hand-edited or outdated link) reads as absent, on its own, rather than failing the page.
 */
function apiParam<S extends z.ZodType>(schema: S, serialize: (value: NonNullable<z.output<S>>) => string) {
  return createParser<NonNullable<z.output<S>>>({
    parse: (raw) => {
      const value = raw.trim();
      const parsed = value ? schema.safeParse(value) : null;
      return parsed?.success && parsed.data != null ? (parsed.data as NonNullable<z.output<S>>) : null;
    },
    serialize,
  });
}

const list = (values: readonly string[]) => values.join(',');

// Written in this order, so the same view always makes the same link (and the same query key).
export const callViewParsers = {
  q: apiParam(shape.q, String),
  range: apiParam(shape.range, String),
  from: apiParam(shape.from, String),
  to: apiParam(shape.to, String),
  provider: apiParam(shape.provider, list),
  status: apiParam(shape.status, list),
  outcome: apiParam(shape.outcome, String),
  success: apiParam(shape.success, String),
  pending: apiParam(shape.pending, String),
  agent: apiParam(shape.agent, String),
  meta: apiParam(shape.meta, (m) => `${m.key}=${m.value}`),
  sort: apiParam(shape.sort, String).withDefault(DEFAULT_VIEW.sort),
  dir: apiParam(shape.dir, String).withDefault(DEFAULT_VIEW.dir),
};

type ViewKey = keyof typeof callViewParsers;
type CallViewValues = inferParserType<typeof callViewParsers>;
const KEYS = Object.keys(callViewParsers) as ViewKey[];
const FILTER_KEYS = KEYS.filter((k) => k !== 'sort' && k !== 'dir');

const loadValues = createLoader(callViewParsers);
const serialize = createSerializer(callViewParsers);

/** The view the parsed URL values describe (absent values left out). */
export function viewFromValues(values: CallViewValues): CallView {
  const view: Record<string, unknown> = {};
  for (const key of KEYS) if (values[key] !== null) view[key] = values[key];
  return view as CallView;
}

/**
 * The URL values of a view: every key, null where the URL should not name it. A preset wins over
 * dates, so the URL says one thing; an empty text or list is no filter.
 */
export function viewToValues(view: CallView): { [K in ViewKey]: CallViewValues[K] | null } {
  const out = {} as Record<ViewKey, unknown>;
  for (const key of KEYS) {
    const value = view[key];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    out[key] = empty || (view.range && (key === 'from' || key === 'to')) ? null : value;
  }
  return out as { [K in ViewKey]: CallViewValues[K] | null };
}

/** Reads a view from a URL's query. */
export function viewFromSearchParams(params: URLSearchParams): CallView {
  return viewFromValues(loadValues(params));
}

/** Reads a view from a server page's `searchParams` prop. */
export async function loadCallView(searchParams: Promise<SearchParams>): Promise<CallView> {
  return viewFromValues(await loadValues(searchParams));
}

export function viewToSearchParams(view: CallView): URLSearchParams {
  return new URLSearchParams(serialize(viewToValues(view)));
}

/** The API query for a view. The zone goes along only when a day boundary depends on it. */
export function apiSearchParams(view: CallView, timeZone: string): URLSearchParams {
  const params = viewToSearchParams(view);
  const daysMatter = view.range || (view.from && isDateOnly(view.from)) || (view.to && isDateOnly(view.to));
  if (daysMatter) params.set('tz', timeZone);
  return params;
}

export function activeFilterCount(view: CallView): number {
  const params = viewToSearchParams(view);
  return FILTER_KEYS.filter((key) => params.has(key)).length;
}

/** The view with its filters cleared; the sort stays, it is how the person reads the list. */
export function clearFilters(view: CallView): CallView {
  return { sort: view.sort, dir: view.dir };
}
