// How a free-text search box entry becomes tsquery parts (see call.search_vector in the
// 20261206110000_customer_numbers migration). Pure, so what matches what is unit-tested.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[\d\s().-]{4,24}$/;
/** The fewest digits people quote a number by ("the one ending 3210"). */
export const MIN_PHONE_DIGITS = 4;
/** The search vector holds the customer number's last 4 to 10 digits, and the last 10 of the others. */
export const PHONE_KEY_DIGITS = 10;

export interface SearchTerms {
  /** The text for websearch_to_tsquery: ids, numbers and metadata values as written. */
  text: string;
  /** Also search it stemmed in English (summary and transcript words); pointless for a number. */
  english: boolean;
  /**
   * The digits of a quoted number, at most its last 10: the search vector holds the customer
   * number's last 4, 5, … 10 digits (and the last 10 of the call's other numbers), so "3210",
   * "43210", "98765 43210" and "+91 98765 43210" all find +919876543210.
   */
  phoneKey: string | null;
  /** A Callboard call id, matched on the primary key. */
  callId: string | null;
}

export function searchTerms(q: string): SearchTerms {
  const text = q.trim();
  const digits = text.replace(/\D/g, '');
  const phoneKey = PHONE.test(text) && digits.length >= MIN_PHONE_DIGITS ? digits.slice(-PHONE_KEY_DIGITS) : null;
  const callId = UUID.test(text) ? text.toLowerCase() : null;
  return { text, english: !phoneKey && !callId, phoneKey, callId };
}

/** True when the value has something the full-text parser turns into a lexeme. */
export function hasLexeme(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}
