import { explainWhatsappError, type WhatsappFailureHandling, whatsappError } from '@/lib/whatsapp/errors';

// What became of a WhatsApp message we sent, from the statuses Meta reported for it (they come
// out of order and more than once): the furthest of sent < delivered < read, else failed when
// nothing got further, and every failure explained. And how a customer is named in a URL.
// Pure: the read models hand in the whatsapp_status rows.

export type MessageState = 'sent' | 'delivered' | 'read' | 'failed';

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

const RANK: Record<Exclude<MessageState, 'failed'>, number> = { sent: 1, delivered: 2, read: 3 };

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

export function messageStateOf(rows: readonly MessageStatusRow[], template?: { name: string; language: string } | null): MessageStateView {
  let best: MessageStatusRow | null = null;
  const failures: MessageStatusRow[] = [];
  for (const row of rows) {
    if (row.status === 'failed') {
      if (!failures.some((f) => f.code === row.code && f.at === row.at)) failures.push(row);
      continue;
    }
    const rank = RANK[row.status];
    if (rank === undefined) continue;
    if (!best || rank > RANK[best.status as keyof typeof RANK] || (rank === RANK[best.status as keyof typeof RANK] && row.at < best.at)) best = row;
  }
  failures.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.code - b.code));
  const explained = failures.map((f) => explainFailure(f, template));
  if (best) return { state: best.status, at: best.at, failures: explained };
  const last = failures.at(-1);
  return last ? { state: 'failed', at: last.at, failures: explained } : { state: null, at: null, failures: [] };
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
  if (text.startsWith('call-')) {
    const callId = text.slice(5);
    return UUID.test(callId) ? { kind: 'call', callId: callId.toLowerCase() } : null;
  }
  if (text.length === 0 || text.length > MAX_PHONE_LENGTH) return null;
  return { kind: 'number', number: /^\d+$/.test(text) ? `+${text}` : text };
}
