import { z } from 'zod';

// Postgres text and jsonb cannot hold a NUL (U+0000), and a UTF-16 surrogate without its pair is
// not a character at all (JSON.parse makes one from "\ud800"). Either would reach the database
// and come back as a 500; refused here, they are a 400 naming the parameter.

const NOT_STORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const PG_TEXT_MESSAGE = 'must not contain a NUL character or an unpaired UTF-16 surrogate';

/** True when Postgres can store the string as text. */
export function isPgText(value: string): boolean {
  return !NOT_STORABLE.test(value);
}

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
