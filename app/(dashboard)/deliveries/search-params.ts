import { createLoader, createParser, createSerializer, type SearchParams } from 'nuqs/server';
import { type DeliveryFilters, deliveryFiltersSchema } from '@/lib/schemas/deliveries';

// The page's filters live in its URL, under the same names GET /api/deliveries takes. The
// parsers below are the one definition of that URL: the page reads it with them (createLoader)
// and its links are written with them (createSerializer). The filter form is a plain GET form,
// so it works before (and without) JavaScript; it writes the same names.

export type PageSearchParams = SearchParams;

/** A form field as typed: an empty one means "any", not a filter on "". */
const field = createParser({ parse: (v) => v.trim() || null, serialize: String });

const deliveryPageParsers = {
  provider: field,
  outcome: field,
  verification: field,
  since: field,
  from: field,
  to: field,
  q: field,
  cursor: createParser({ parse: (v) => v || null, serialize: String }),
};

type FilterKey = Exclude<keyof typeof deliveryPageParsers, 'cursor'>;
export type FilterValues = Partial<Record<FilterKey, string>>;

const loadValues = createLoader(deliveryPageParsers);
const serialize = createSerializer(deliveryPageParsers);

/** The filters a URL names, as written (checked by parseFilters). */
export function filterValues(params: PageSearchParams): FilterValues {
  const { cursor: _, ...values } = loadValues(params);
  const out: FilterValues = {};
  for (const [key, value] of Object.entries(values)) if (value !== null) out[key as FilterKey] = value;
  return out;
}

/**
 * Parsed filters and cursor, or null when the URL holds values this page never writes: the API's
 * schema checks the link as a whole, and the page says the link is not valid.
 */
export function parseFilters(params: PageSearchParams): DeliveryFilters | null {
  const { cursor } = loadValues(params);
  const parsed = deliveryFiltersSchema.safeParse({ ...filterValues(params), cursor: cursor ?? undefined });
  return parsed.success ? parsed.data : null;
}

export function deliveriesHref(values: FilterValues, cursor?: string): string {
  const query = Object.fromEntries(Object.entries({ ...values, cursor }).map(([k, v]) => [k, v || null]));
  return serialize('/deliveries', query);
}
