// How a free-text search box entry becomes tsquery parts (see call.search_vector in the
// 20261122100000_calls_search migration). Pure, so what matches what is unit-tested.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[\d\s().-]{7,24}$/;

export interface SearchTerms {
  /** The text for websearch_to_tsquery: ids, numbers and metadata values as written. */
  text: string;
  /** Also search it stemmed in English (summary and transcript words); pointless for a number. */
  english: boolean;
  /** Last 10 digits of a phone number: the search vector holds that for every number. */
  phoneKey: string | null;
  /** A Callboard call id, matched on the primary key. */
  callId: string | null;
}

export function searchTerms(q: string): SearchTerms {
  const text = q.trim();
  const digits = text.replace(/\D/g, '');
  const phoneKey = PHONE.test(text) && digits.length >= 7 ? digits.slice(-10) : null;
  const callId = UUID.test(text) ? text.toLowerCase() : null;
  return { text, english: !phoneKey && !callId, phoneKey, callId };
}

/** True when the value has something the full-text parser turns into a lexeme. */
export function hasLexeme(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}
