import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { searchTerms } from '@/lib/queries/calls/search';
import { isPhoneRegion, MAX_PHONE_LENGTH, normalizePhone, phoneDigits } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['+919876543210', null, '+919876543210'],
    [' +91 98765-43210 ', null, '+919876543210'],
    ['tel:+919876543210', null, '+919876543210'],
    ['98765 43210', 'IN', '+919876543210'],
    ['09876543210', 'IN', '+919876543210'],
    ['919876543210', 'IN', '+919876543210'],
    ['0091 98765 43210', 'IN', '+919876543210'],
    ['+44 20 7946 0958', 'IN', '+442079460958'],
    ['(202) 555-0143', 'US', '+12025550143'],
  ])('%s in region %s is %s', (raw, region, e164) => {
    expect(normalizePhone(raw, region)).toBe(e164);
  });

  it('keeps what it cannot read as given, trimmed: no region, too short, not a number', () => {
    expect(normalizePhone('98765 43210')).toBe('98765 43210');
    expect(normalizePhone('98765 43210', 'XX')).toBe('98765 43210');
    expect(normalizePhone('  +91 12345 ')).toBe('+91 12345');
    expect(normalizePhone('withheld')).toBe('withheld');
  });

  it('cuts a value past the column limit without splitting a character', () => {
    expect(normalizePhone(`${'x'.repeat(MAX_PHONE_LENGTH - 1)}😀tail`)).toBe('x'.repeat(MAX_PHONE_LENGTH - 1));
    expect(normalizePhone('1'.repeat(500))).toHaveLength(MAX_PHONE_LENGTH);
  });

  it('knows the regions it has a plan for', () => {
    expect(isPhoneRegion('IN')).toBe(true);
    expect(isPhoneRegion('in')).toBe(false);
    expect(isPhoneRegion('XX')).toBe(false);
  });
});

// Values a provider or a person might send: real numbers in many spellings, and noise.
const digit = fc.constantFrom(...'0123456789');
const separator = fc.constantFrom('', ' ', '-', '.', '(', ')', '  ');
const spelled = fc
  .tuple(
    fc.constantFrom('', '+', '00', 'tel:+', '0', ' '),
    fc.array(fc.tuple(digit, separator), { minLength: 1, maxLength: 16 }),
    fc.constantFrom('', ' ', ' ext 12'),
  )
  .map(([prefix, parts, tail]) => `${prefix}${parts.map(([d, s]) => d + s).join('')}${tail}`);
const anything = fc.oneof(spelled, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 30 }));
const region = fc.constantFrom(null, 'IN', 'US', 'GB', 'DE', 'AE', 'SG', 'BR', 'XX');

describe('normalizePhone, for any input (property)', () => {
  it('never throws, never returns more than the column holds, never drops a non-blank value', () => {
    fc.assert(
      fc.property(anything, region, (raw, r) => {
        const out = normalizePhone(raw, r);
        expect(out.length).toBeLessThanOrEqual(MAX_PHONE_LENGTH);
        if (raw.trim() !== '') expect(out).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent, whatever region the second pass uses', () => {
    fc.assert(
      fc.property(anything, region, region, (raw, r1, r2) => {
        const once = normalizePhone(raw, r1);
        expect(normalizePhone(once, r1)).toBe(once);
        if (once.startsWith('+') && /^\+\d+$/.test(once)) expect(normalizePhone(once, r2)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives E.164 that parses back to itself, or the value as given (trimmed)', () => {
    fc.assert(
      fc.property(anything, region, (raw, r) => {
        const out = normalizePhone(raw, r);
        const asGiven = raw.trim().startsWith(out);
        const e164 = /^\+\d{2,15}$/.test(out) && parsePhoneNumberFromString(out)?.number === out;
        expect(asGiven || e164).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the digits people quote (its last 4 to 10, grouped as they like) are a search key the number has', () => {
    // The search vector holds right(digits(customer_number), n) for n = 4..10 (migration
    // 20261206110000_customer_numbers); searchTerms turns a quoted number into one of them.
    const suffixes = (stored: string) => {
      const d = phoneDigits(stored);
      return new Set([4, 5, 6, 7, 8, 9, 10].map((n) => d.slice(-n)));
    };
    fc.assert(
      fc.property(spelled, region, fc.integer({ min: 4, max: 10 }), fc.constantFrom('', ' ', '-'), (raw, r, n, gap) => {
        const stored = normalizePhone(raw, r);
        const d = phoneDigits(stored);
        fc.pre(d.length >= n);
        const tail = d.slice(-n);
        const quoted = tail.length > 5 ? `${tail.slice(0, tail.length - 5)}${gap}${tail.slice(-5)}` : tail;
        expect(suffixes(stored).has(searchTerms(quoted).phoneKey ?? '')).toBe(true);
        // Quoted with the country code in front, as it was written: the last 10 digits.
        expect(suffixes(stored).has(searchTerms(`+${d}`).phoneKey ?? '') || d.length < 4).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
