import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

// Customer numbers as one spelling: E.164 where the country is known, so the same customer
// matches across providers ("Other calls with this number") whichever way each one writes it.
// Numbering plans (trunk prefixes, lengths per country) are libphonenumber-js's data, not ours;
// it validates lengths only (its default metadata), which is what we want: a number from a
// newly allocated range is still a number.

/** Metadata keys read for the customer's number when CUSTOMER_NUMBER_KEYS is not set, in order. */
export const DEFAULT_CUSTOMER_NUMBER_KEYS = ['phone', 'customerPhone', 'customer_phone', 'mobile', 'phoneNumber', 'phone_number', 'to'] as const;

/** Longer is cut (the column is indexed; lib/ingest/storable.ts cuts provider fields the same). */
export const MAX_PHONE_LENGTH = 100;

/** True for an ISO 3166-1 alpha-2 region libphonenumber-js has a numbering plan for ("IN", "GB"). */
export function isPhoneRegion(value: string): boolean {
  return isSupportedCountry(value);
}

/** Cut at `max` UTF-16 units without leaving half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end).trim();
}

/**
 * The number in E.164 ("+919876543210") when it parses to a possible number: with its own `+`
 * (or `00`, `tel:`), or, without one, in `region`. Anything else is kept as given, trimmed
 * (and cut at MAX_PHONE_LENGTH): a number we cannot read is still what the provider said, never
 * dropped. Never throws; normalizing the result again changes nothing.
 */
export function normalizePhone(value: string, region?: string | null): string {
  const text = cut(value.trim(), MAX_PHONE_LENGTH);
  try {
    const country = region && isSupportedCountry(region) ? (region as CountryCode) : undefined;
    const parsed = parsePhoneNumberFromString(text, country);
    if (parsed?.isPossible()) {
      const e164 = parsed.number;
      // Only a fixed point is E.164 here: what we store must read back as itself.
      const again = parsePhoneNumberFromString(e164);
      if (again?.isPossible() && again.number === e164) return e164;
    }
  } catch {
    // libphonenumber-js does not throw from parsePhoneNumberFromString; a future version might.
  }
  return text;
}

/** The digits of a value, for matching the way people quote a number ("98765 43210", "3210"). */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}
