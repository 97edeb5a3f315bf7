import { callExportSchema, type CallExportFilters } from '@/lib/schemas/calls';
import { isDateOnly } from '@/lib/time-zone';

// The calls page keeps its whole view (filters and sort) in the URL, under the names
// GET /api/calls takes, so a link shares the view and a reload keeps it.

/** Filters and sort as the page holds them; the zone is not part of a view, it is the team's. */
export type CallView = Omit<CallExportFilters, 'tz'>;

export const DEFAULT_VIEW: CallView = { sort: 'activity', dir: 'desc' };

/** Calls per keyset page, on the server's first paint and every page after. */
export const CALLS_PAGE_SIZE = 50;

// Written in this order, so the same view always makes the same URL (and the same query key).
const KEYS = ['q', 'range', 'from', 'to', 'provider', 'status', 'outcome', 'success', 'pending', 'agent', 'meta', 'sort', 'dir'] as const;
type ViewKey = (typeof KEYS)[number];
const FILTER_KEYS = KEYS.filter((k) => k !== 'sort' && k !== 'dir');

/**
 * Reads a view from a URL. A value this page would never write (a hand-edited or outdated link)
 * is dropped on its own rather than failing the page.
 */
export function viewFromSearchParams(params: URLSearchParams): CallView {
  const shape = callExportSchema.shape;
  const valid: Partial<Record<ViewKey, string>> = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value && shape[key].safeParse(value).success) valid[key] = value;
  }
  const { tz: _, ...view } = callExportSchema.parse(valid);
  return view;
}

function serialize(key: ViewKey, view: CallView): string | undefined {
  switch (key) {
    case 'provider':
    case 'status':
      return view[key]?.length ? view[key].join(',') : undefined;
    case 'meta':
      return view.meta ? `${view.meta.key}=${view.meta.value}` : undefined;
    case 'sort':
      return view.sort === DEFAULT_VIEW.sort ? undefined : view.sort;
    case 'dir':
      return view.dir === DEFAULT_VIEW.dir ? undefined : view.dir;
    case 'from':
    case 'to':
      // A preset wins over dates; keep the URL saying one thing.
      return view.range ? undefined : view[key];
    default:
      return view[key];
  }
}

export function viewToSearchParams(view: CallView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = serialize(key, view);
    if (value) params.set(key, value);
  }
  return params;
}

/** The API query for a view. The zone goes along only when a day boundary depends on it. */
export function apiSearchParams(view: CallView, timeZone: string): URLSearchParams {
  const params = viewToSearchParams(view);
  const daysMatter = view.range || (view.from && isDateOnly(view.from)) || (view.to && isDateOnly(view.to));
  if (daysMatter) params.set('tz', timeZone);
  return params;
}

export function activeFilterCount(view: CallView): number {
  return FILTER_KEYS.filter((key) => serialize(key, view) !== undefined).length;
}

/** The view with its filters cleared; the sort stays, it is how the person reads the list. */
export function clearFilters(view: CallView): CallView {
  return { sort: view.sort, dir: view.dir };
}
