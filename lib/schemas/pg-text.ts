import { z } from 'zod';

// Postgres text and jsonb cannot hold a NUL (U+0000), and a UTF-16 surrogate without its pair is
// not a character at all (JSON.parse makes one from "\ud800"). Either would reach the database
// and come back as a 500; refused here, they are a 400 naming the parameter.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point; Postgres text and jsonb cannot hold it
const NOT_STORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const PG_TEXT_MESSAGE = 'must not contain a NUL character or an unpaired UTF-16 surrogate';

/** True when Postgres can store the string as text. */
export function isPgText(value: string): boolean {
  return !NOT_STORABLE.test(value);
}

const MIN_MS = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * True for a time JavaScript reads and a timestamptz holds as we write it: years 0001–9999.
 * `Date.parse` also takes year 0, `-000001-…` and `+275760-…`, which Postgres refuses.
 */
export function isPgTimestamp(iso: string): boolean {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS;
}

/** An ISO-8601 date or date-time parameter within years 0001–9999. */
export const pgDateTime = () => pgText().refine(isPgTimestamp, 'must be an ISO-8601 date or date-time between the years 0001 and 9999');

/** A string Postgres can hold; chain .trim(), .min(), .max() … on it like any z.string(). */
export const pgText = () => z.string().refine(isPgText, PG_TEXT_MESSAGE);

/** The first path (keys and values, at any depth) holding a string Postgres cannot store. */
export function findBadText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isPgText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const bad = findBadText(item, [...path, i]);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isPgText(key)) return [...path, key];
      const bad = findBadText(item, [...path, key]);
      if (bad) return bad;
    }
  }
  return null;
}

/** Wraps a schema for JSON headed for a jsonb column: every key and string in it must be storable. */
export function pgJson<T extends z.ZodType>(schema: T) {
  return schema.superRefine((value, ctx) => {
    const bad = findBadText(value);
    if (bad) ctx.addIssue({ code: 'custom', message: PG_TEXT_MESSAGE, path: bad });
  });
}
