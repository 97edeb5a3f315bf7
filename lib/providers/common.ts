import { z } from 'zod';
import type { CallFacts, CallStatus } from '@/lib/providers/types';

// Small zod pieces every provider schema uses; providers disagree on almost everything else.

/** An ISO-8601 timestamp (with or without milliseconds / offset). */
export const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 date-time');

export const jsonObject = z.record(z.string(), z.unknown());

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number field, one rule for every provider: a JSON number, or a string holding a decimal
 * number ("49.35", as older Atoms setups and many SDKs send them), read as that number.
 * Anything else — a word, an object, a number beyond float range — breaks the schema (400).
 */
export function numeric<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && DECIMAL.test(v.trim()) ? Number(v) : v), schema);
}

/** Canonical action kind: `create-order` and `create_order` are the same action. */
export function actionKind(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
}

export function toIso(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Drops null and undefined values: a key is either asserted or absent. */
export function compact(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && value !== null) out[key] = value;
  return out;
}

export function facts(input: { [K in keyof CallFacts]?: CallFacts[K] | null | undefined }): CallFacts {
  return compact(input) as CallFacts;
}

export function statusFrom(map: Record<string, CallStatus>, raw: string | null | undefined): CallStatus | undefined {
  return raw ? map[raw.toLowerCase()] : undefined;
}
