import { DEFAULT_CUSTOMER_NUMBER_KEYS, normalizePhone } from '@/lib/calls/phone';
import type { FoldEvent } from './types';

// Who the customer is. Providers carry the number in different places, and some carry it in
// none of their own fields (a Mirai v1 call that was busy names the customer only in the
// metadata the caller sent with it). The choice is deterministic, in this order:
//   1. the provider's own field: `customerNumber` as the provider normalizer set it, else the
//      far end of the call by its direction (`to` outbound, `from` inbound);
//   2. the call's metadata, key by key in the order of `customerNumberKeys`
//      (CUSTOMER_NUMBER_KEYS; never the metadata object's own key order);
//   3. action payloads (a create_order or send_whatsapp naming the customer's phone), in event
//      order: the provider's time, then when it was received, then its dedupe key.
// A metadata or payload value counts when it is a string or number with a digit in it
// ("n/a" is not a number). The chosen value is normalised (lib/calls/phone.ts): E.164 where the
// country is known, otherwise kept as given, trimmed.

export interface NumberOptions {
  /** Metadata keys that may hold the customer's number, in preference order (CUSTOMER_NUMBER_KEYS). */
  customerNumberKeys: readonly string[];
  /** Region of numbers written without a country code (DEFAULT_PHONE_REGION); null: they are kept as given. */
  defaultPhoneRegion: string | null;
}

export const DEFAULT_NUMBER_OPTIONS: NumberOptions = { customerNumberKeys: DEFAULT_CUSTOMER_NUMBER_KEYS, defaultPhoneRegion: null };

/** A metadata or payload value that may be a number: a string or finite number with a digit. */
function candidate(value: unknown): string | null {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return null;
  const text = String(value).trim();
  return /\d/.test(text) ? text : null;
}

function byEventOrder(a: FoldEvent, b: FoldEvent): number {
  const ta = a.occurredAt ?? '';
  const tb = b.occurredAt ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? -1 : 1;
  return a.dedupeKey < b.dedupeKey ? -1 : a.dedupeKey > b.dedupeKey ? 1 : 0;
}

export interface NumberSources {
  /** The provider's own field (already resolved by direction), if any. */
  own: string | null | undefined;
  /** The call's merged metadata. */
  metadata: Record<string, unknown>;
  /** All the call's events: those whose action payload named a number are read (`facts.actionNumber`). */
  events: readonly FoldEvent[];
}

/** The raw value the preference order picks, before normalisation. */
export function rawCustomerNumber(sources: NumberSources, keys: readonly string[]): string | null {
  const own = sources.own?.trim();
  if (own) return own;
  for (const key of keys) {
    if (!Object.hasOwn(sources.metadata, key)) continue;
    const value = candidate(sources.metadata[key]);
    if (value) return value;
  }
  const actions = sources.events.filter((e) => candidate(e.facts.actionNumber) !== null);
  const first = actions.sort(byEventOrder)[0];
  return first ? candidate(first.facts.actionNumber) : null;
}

/** The customer's number: the first source in the preference order, normalised. */
export function customerNumber(sources: NumberSources, options: NumberOptions = DEFAULT_NUMBER_OPTIONS): string | null {
  const raw = rawCustomerNumber(sources, options.customerNumberKeys);
  return raw === null ? null : normalizePhone(raw, options.defaultPhoneRegion);
}
