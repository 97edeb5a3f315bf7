import { isPgText } from '@/lib/schemas/pg-text';
import { explainWhatsappError, type WhatsappFailureHandling, whatsappError } from '@/lib/whatsapp/errors';
import { type MessageState, messageState } from '@/lib/whatsapp/message-state';

// What became of a WhatsApp message we sent, as people read it: the state from the statuses Meta
// reported (lib/whatsapp/message-state.ts: out of order and repeated, the furthest state) and every
// failure explained (lib/whatsapp/errors.ts). And how a customer is named in a URL. Pure: the read
// models hand in the whatsapp_status rows.

export type { MessageState };

export interface MessageStatusRow {
  status: MessageState;
  /** ISO time Meta stamped on the status. */
  at: string;
  /** 0 when the status carries no error. */
  code: number;
  title: string | null;
  message: string | null;
  details: string | null;
}

export interface MessageFailure {
  code: number;
  at: string;
  /** "WhatsApp error 131047: the customer has not written in 24 hours: send a template". */
  explanation: string;
  handling: WhatsappFailureHandling;
}

export interface MessageStateView {
  state: MessageState | null;
  /** When that state was reached (ISO), or null. */
  at: string | null;
  failures: MessageFailure[];
}

/** One failure as a person reads it (`template` is named for template errors). */
export function explainFailure(
  f: { code: number; at: string; message?: string | null; details?: string | null },
  template?: { name: string; language: string } | null,
): MessageFailure {
  return {
    code: f.code,
    at: f.at,
    explanation: explainWhatsappError(f.code, { metaMessage: f.message, details: f.details, template }),
    handling: whatsappError(f.code, f.message).handling,
  };
}

/** The state as lib/whatsapp/message-state.ts reckons it (the action's own columns agree), every failure explained. */
export function messageStateOf(rows: readonly MessageStatusRow[], template?: { name: string; language: string } | null): MessageStateView {
  const result = messageState(
    rows.map((r) => ({ status: r.status, at: new Date(r.at), errorCode: r.code, errorTitle: r.title, errorMessage: r.message, errorDetails: r.details })),
  );
  const seen = new Set<string>();
  const failures = result.failures.filter((f) => {
    const key = `${f.code}@${f.at}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    state: result.state,
    at: result.at?.toISOString() ?? null,
    failures: failures.map((f) => explainFailure({ code: f.code, at: f.at, message: f.message, details: f.details }, template)),
  };
}

// ---- the customer in a URL ----------------------------------------------------------------

export type CustomerRef = { kind: 'number'; number: string } | { kind: 'call'; callId: string };

/** As lib/calls/phone.ts cuts a stored number. */
const MAX_PHONE_LENGTH = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The path segment of /customers/{…} for this customer: the E.164 number (URL-encoded) for those
 * who may read personal data, `call-<callId>` for anyone else, so a viewer's URL (history,
 * screenshots, shared links) never carries a number. Null when the call has no number.
 */
export function customerRef(opts: { number: string | null; callId: string; whole: boolean }): string | null {
  if (!opts.number) return null;
  return opts.whole ? encodeURIComponent(opts.number) : `call-${opts.callId}`;
}

export function customerHref(opts: { number: string | null; callId: string; whole: boolean }): string | null {
  const ref = customerRef(opts);
  return ref ? `/customers/${ref}` : null;
}

/** The segment as the page and the API read it: a call reference, or a number (digits alone get their `+`). */
export function parseCustomerRef(segment: string): CustomerRef | null {
  let text = segment;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  text = text.trim();
  // Text Postgres cannot hold (a NUL, half a surrogate pair) names no one; refused here, not by the database.
  if (!isPgText(text)) return null;
  if (text.startsWith('call-')) {
    const callId = text.slice(5);
    return UUID.test(callId) ? { kind: 'call', callId: callId.toLowerCase() } : null;
  }
  if (text.length === 0 || text.length > MAX_PHONE_LENGTH) return null;
  return { kind: 'number', number: /^\d+$/.test(text) ? `+${text}` : text };
}
