import type { NormalizedEvent } from '@/lib/providers/types';
import { isPgTimestamp } from '@/lib/schemas/pg-text';

// What Postgres cannot hold, made storable. A verified delivery that matches its provider's
// schema is always stored and folded; the values below would make the insert fail, so they are
// changed here — and every change is named in a warning the delivery and the timeline show.
// The raw bytes are never touched: they are kept exactly in `delivery.body`.
//  - text: U+0000 (text and jsonb refuse it) is removed; an unpaired UTF-16 surrogate (a
//    summary cut in the middle of an emoji) becomes U+FFFD; in keys as in values.
//  - nesting deeper than MAX_DEPTH is cut (hashing and printing it would overflow the stack).
//  - dates outside 0001–9999, integers beyond the int column and amounts past MAX_AMOUNT
//    (1e308 credits would overflow every analytics sum) are dropped from the facts.
// Pure, so the webhook and reprocessing make the very same changes.

export interface StorageWarning {
  /** Where, as a dotted path into the body (`metadata.note`) or the facts (`facts.startedAt`). */
  field: string;
  /** What was done, in words a developer reads on the delivery. */
  change: string;
}

/** Containers deeper than this (the body is level 0) are replaced by null. */
export const MAX_DEPTH = 64;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point; Postgres text and jsonb cannot hold it
const NUL = /\u0000/g;
/**
 * True when JSON text holds an escape jsonb refuses (\u0000, or a surrogate escape that may be
 * unpaired) — also where JSON.parse never looked, in the earlier copy of a duplicated key. Such
 * text is stored as the storable copy instead. Valid pairs match too: they only take that road.
 */
const hasRiskyEscape = (jsonText: string): boolean => /\\u(?:0000|[dD][89a-fA-F])/.test(jsonText);

/** True when JSON text nests deeper than `limit` anywhere, strings skipped; one pass, no recursion. */
function nestsDeeper(jsonText: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < jsonText.length; i++) {
    const c = jsonText.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/**
 * True when the body's own text cannot go to jsonb as it is, though its parsed value may be fine:
 * JSON.parse keeps only the last copy of a duplicated key, and Postgres still reads the first —
 * an escape jsonb refuses, or nesting past its stack (100,000 levels), sitting in the earlier copy.
 */
export const needsStorableCopy = (jsonText: string): boolean => hasRiskyEscape(jsonText) || nestsDeeper(jsonText, MAX_DEPTH);

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with each unpaired surrogate replaced by U+FFFD (String#toWellFormed, for any target). */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

/** `text` as Postgres can hold it, and what was changed (null: nothing). */
export function storableText(text: string): { text: string; change: string | null } {
  let out = text;
  const changes: string[] = [];
  if (out.includes('\u0000')) {
    out = out.replace(NUL, '');
    changes.push('NUL characters removed');
  }
  const formed = wellFormed(out);
  if (formed !== out) {
    out = formed;
    changes.push('unpaired surrogates replaced by U+FFFD');
  }
  return { text: out, change: changes.length ? changes.join('; ') : null };
}

/** For text we write ourselves from request data (an error message, an event type): cleaned, silently. */
export const cleanText = (text: string): string => storableText(text).text;

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * A parsed JSON value with every string (and key) storable and nesting cut at MAX_DEPTH.
 * Returns the input itself when nothing needed changing, so the common case copies nothing.
 */
export function storableJson(value: unknown): { value: unknown; warnings: StorageWarning[] } {
  const warnings: StorageWarning[] = [];
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === 'string') {
      const { text, change } = storableText(v);
      if (change) warnings.push({ field: path || '(body)', change });
      return text;
    }
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH) {
      warnings.push({ field: path || '(body)', change: `nested deeper than ${MAX_DEPTH} levels; cut` });
      return null;
    }
    if (Array.isArray(v)) {
      let copy: unknown[] | null = null;
      v.forEach((item, i) => {
        const next = walk(item, join(path, i), depth + 1);
        if (next === item) return;
        copy ??= v.slice();
        copy[i] = next;
      });
      return copy ?? v;
    }
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(v)) {
      const cleanKey = storableText(key);
      if (cleanKey.change) {
        warnings.push({ field: join(path, cleanKey.text), change: `key: ${cleanKey.change}` });
        changed = true;
      }
      const next = walk(item, join(path, cleanKey.text), depth + 1);
      if (next !== item) changed = true;
      out[cleanKey.text] = next;
    }
    return changed ? out : v;
  };
  return { value: walk(value, '', 0), warnings };
}

/** Dial counts past this are no real retry count; well inside int, so the fold's attempts (count + 1) fit too. */
export const MAX_COUNT = 1_000_000;
/**
 * Durations, credits and costs past this are no reading of a real call: 1e308 credits fit a
 * float8 column but overflow every sum the analytics take. Well inside 2^53, so sums stay exact.
 */
export const MAX_AMOUNT = 1e15;
const amount = (v: number) => Number.isFinite(v) && Math.abs(v) <= MAX_AMOUNT;

/** True for an ISO time a timestamptz column holds (years 0001–9999). */
export const storableDate = isPgTimestamp;

const DATE_FACTS = ['startedAt', 'endedAt'] as const;
/** Text facts kept in indexed columns (a btree entry holds ~2.7 kB): longer is cut, with a warning. */
const TEXT_FACT_LIMITS = {
  customerNumber: 100,
  actionNumber: 100,
  fromNumber: 100,
  toNumber: 100,
  agentId: 255,
  applicationId: 255,
  providerStatus: 100,
} as const;
const INT_FACTS = ['reAttemptCount', 'rescheduledCount'] as const;
const NUMBER_FACTS = ['durationSeconds', 'creditsUsed', 'creditsAvailable'] as const;

/**
 * Identity text longer than this is refused (400): it names a row in a unique index, and no
 * provider's ids come close. Checked by the caller, which owns the error model.
 */
export const MAX_ID_LENGTH = 255;

/**
 * The event with the values no column can hold dropped from it: dates outside 0001–9999,
 * integers beyond the int column, amounts beyond ±MAX_AMOUNT. The event itself is kept.
 */
export function storableEvent(event: NormalizedEvent): { event: NormalizedEvent; warnings: StorageWarning[] } {
  const warnings: StorageWarning[] = [];
  const facts = { ...event.facts };
  let occurredAt = event.occurredAt;
  if (occurredAt !== null && !storableDate(occurredAt)) {
    warnings.push({ field: 'occurredAt', change: `date ${occurredAt} outside 0001–9999; dropped` });
    occurredAt = null;
  }
  for (const key of DATE_FACTS) {
    const v = facts[key];
    if (v !== undefined && !storableDate(v)) {
      warnings.push({ field: `facts.${key}`, change: `date ${v} outside 0001–9999; dropped` });
      delete facts[key];
    }
  }
  for (const [key, limit] of Object.entries(TEXT_FACT_LIMITS) as [keyof typeof TEXT_FACT_LIMITS, number][]) {
    const v = facts[key];
    if (typeof v === 'string' && v.length > limit) {
      warnings.push({ field: `facts.${key}`, change: `${v.length} characters; cut to ${limit}` });
      facts[key] = wellFormed(v.slice(0, limit));
    }
  }
  for (const key of INT_FACTS) {
    const v = facts[key];
    if (v !== undefined && !(Number.isInteger(v) && Math.abs(v) <= MAX_COUNT)) {
      warnings.push({ field: `facts.${key}`, change: `${v} is beyond ${MAX_COUNT}; dropped` });
      delete facts[key];
    }
  }
  for (const key of NUMBER_FACTS) {
    const v = facts[key];
    if (v !== undefined && !amount(v)) {
      warnings.push({ field: `facts.${key}`, change: `${v} is beyond ±${MAX_AMOUNT}; dropped` });
      delete facts[key];
    }
  }
  if (facts.transcript?.some((t) => t.at !== null && !storableDate(t.at))) {
    facts.transcript = facts.transcript.map((t, i) => {
      if (t.at === null || storableDate(t.at)) return t;
      warnings.push({ field: `facts.transcript.${i}.at`, change: `date ${t.at} outside 0001–9999; dropped` });
      return { ...t, at: null };
    });
  }
  if (facts.cost && !amount(facts.cost.amount)) {
    warnings.push({ field: 'facts.cost', change: `${facts.cost.amount} is beyond ±${MAX_AMOUNT}; dropped` });
    delete facts.cost;
  }
  let credits = event.credits;
  if (credits && (!amount(credits.used) || (credits.available !== null && !amount(credits.available)))) {
    warnings.push({ field: 'credits', change: `beyond ±${MAX_AMOUNT}; the credit entry is dropped` });
    credits = undefined;
  }
  if (warnings.length === 0) return { event, warnings };
  return { event: { ...event, occurredAt, facts, credits }, warnings };
}
