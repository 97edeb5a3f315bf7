import { deliveryFiltersSchema, type DeliveryFilters } from '@/lib/schemas/deliveries';

// The page's filters live in its URL, under the same names GET /api/deliveries takes.

export type PageSearchParams = Record<string, string | string[] | undefined>;

const KEYS = ['provider', 'outcome', 'verification', 'since', 'from', 'to', 'q'] as const;
type FilterKey = (typeof KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string>>;

/** The filters a URL names; an empty form field means "any", not a filter on "". */
export function filterValues(params: PageSearchParams): FilterValues {
  const out: FilterValues = {};
  for (const key of KEYS) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Parsed filters and cursor, or null when the URL holds values this page never writes. */
export function parseFilters(params: PageSearchParams): DeliveryFilters | null {
  const cursor = Array.isArray(params.cursor) ? params.cursor[0] : params.cursor;
  const parsed = deliveryFiltersSchema.safeParse({ ...filterValues(params), cursor: cursor || undefined });
  return parsed.success ? parsed.data : null;
}

export function deliveriesHref(values: FilterValues, cursor?: string): string {
  const query = new URLSearchParams();
  for (const key of KEYS) if (values[key]) query.set(key, values[key]);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `/deliveries?${text}` : '/deliveries';
}
