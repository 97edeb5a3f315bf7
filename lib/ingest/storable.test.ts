import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '@/lib/providers/types';
import { MAX_DEPTH, needsStorableCopy, storableDate, storableEvent, storableJson, storableText } from './storable';

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when Postgres text and jsonb hold every string (and key) of `v`. */
function holdable(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return !v.includes('\u0000') && !LONE.test(v);
  if (v === null || typeof v !== 'object') return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(v)) return v.every((x) => holdable(x, depth + 1));
  return Object.entries(v).every(([k, x]) => holdable(k) && holdable(x, depth + 1));
}

// Strings from every UTF-16 code unit, so NUL and both halves of a surrogate pair turn up often.
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d', '\ude00', 'a', 'é'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
});
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyText,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('storableJson', () => {
  it('leaves every string holdable, whatever the input', () => {
    fc.assert(fc.property(anyJson, (v) => holdable(storableJson(v).value)));
  });

  it('is idempotent, and names no change the second time', () => {
    fc.assert(
      fc.property(anyJson, (v) => {
        const once = storableJson(v).value;
        const twice = storableJson(once);
        expect(twice.value).toEqual(once);
        expect(twice.warnings).toEqual([]);
      }),
    );
  });

  it('returns the very input, with no warning, when nothing needs changing', () => {
    const clean = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(clean, (v) => {
        const out = storableJson(v);
        return out.value === v && out.warnings.length === 0;
      }),
    );
  });

  it('names the field of each change by its path', () => {
    const { value, warnings } = storableJson({ a: { 'k\u0000': ['x', 'y\ud800'] } });
    expect(value).toEqual({ a: { k: ['x', 'y\ufffd'] } });
    expect(warnings).toEqual([
      { field: 'a.k', change: 'key: NUL characters removed' },
      { field: 'a.k.1', change: 'unpaired surrogates replaced by U+FFFD' },
    ]);
  });

  it('keeps a valid surrogate pair (an emoji) as it is', () => {
    expect(storableText('ok 😀').change).toBeNull();
  });

  it('cuts nesting deeper than MAX_DEPTH without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { value, warnings } = storableJson({ m: deep });
    expect(warnings).toHaveLength(1);
    expect(() => JSON.stringify(value)).not.toThrow();
  });
});

describe('storableEvent', () => {
  const event = (facts: NormalizedEvent['facts'], occurredAt: string | null = null): NormalizedEvent => ({
    dedupeKey: 'k',
    type: 't',
    known: true,
    providerCallId: 'c',
    occurredAt,
    facts,
  });

  it('keeps dates a timestamptz holds and drops the rest', () => {
    expect(storableDate('0001-01-01T00:00:00.000Z')).toBe(true);
    expect(storableDate('9999-12-31T23:59:59.999Z')).toBe(true);
    expect(storableDate('0000-12-31T23:59:59.999Z')).toBe(false);
    expect(storableDate('+010000-01-01T00:00:00.000Z')).toBe(false);
    const out = storableEvent(event({ startedAt: '0000-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:00.000Z' }, '+275760-09-13T00:00:00.000Z'));
    expect(out.event.occurredAt).toBeNull();
    expect(out.event.facts).toEqual({ endedAt: '2026-01-01T00:00:00.000Z' });
    expect(out.warnings.map((w) => w.field)).toEqual(['occurredAt', 'facts.startedAt']);
  });

  it("drops dial counts past MAX_COUNT (the int column less the fold's +1) and keeps the others", () => {
    const out = storableEvent(event({ reAttemptCount: 2_147_483_648, rescheduledCount: 2_147_483_647 }));
    expect(out.event.facts).toEqual({});
    expect(storableEvent(event({ reAttemptCount: 1_000_000 })).warnings).toEqual([]);
  });

  it('returns the same event when everything fits', () => {
    const e = event({ startedAt: '2026-01-01T00:00:00.000Z', durationSeconds: 3 }, '2026-01-01T00:00:00.000Z');
    expect(storableEvent(e)).toEqual({ event: e, warnings: [] });
  });

  it('cuts an over-long number without leaving half a surrogate pair', () => {
    const out = storableEvent(event({ customerNumber: `${'1'.repeat(99)}😀` }));
    expect(out.event.facts.customerNumber).toBe(`${'1'.repeat(99)}\ufffd`);
  });
});

describe('needsStorableCopy', () => {
  it('spots what jsonb refuses in the raw text, even where JSON.parse never looked', () => {
    expect(needsStorableCopy('{"a":"ok 😀","b":[[1]]}')).toBe(false);
    expect(needsStorableCopy('{"a":"\\ud83d\\ude00"}')).toBe(true); // a pair: only takes the longer road
    expect(needsStorableCopy('{"a":"\\u0000","a":"x"}')).toBe(true);
    expect(needsStorableCopy(`{"a":${'['.repeat(65)}${']'.repeat(65)}}`)).toBe(true);
    expect(needsStorableCopy(`{"a":"${'['.repeat(100)}"}`)).toBe(false); // brackets inside a string
    expect(needsStorableCopy('{"a":"\\"[[[[","b":1}')).toBe(false); // an escaped quote does not end the string
  });
});
