import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { pool } from '@/lib/db';
import { decodeCursor, encodeCursor } from '@/lib/queries/cursor';
import { maskAsOnePerson } from '@/lib/queries/privacy';
import { serviceWindow } from '@/lib/whatsapp/window';
import { type CustomerRef, customerRef, explainFailure, type MessageFailure, type MessageState } from './message-state';
import { callsOfCustomer, MESSAGE_COLUMNS, type MessageRow, personalDataOfMessages, toMessageView, type WhatsappMessageView } from './messages';

// One customer, everything Callboard knows about them in one time-ordered timeline: every call
// with their number, every action those calls raised (with what became of its message), and
// every WhatsApp message in and out (with Meta's statuses). Newest first, keyset pages over
// (time, id). A viewer reads it masked as one person, and is given a `call-<id>` reference for
// links instead of the number (lib/queries/customers/message-state.ts customerRef).

export const TIMELINE_PAGE = 50;
export const TIMELINE_MAX_PAGE = 200;

export interface TimelineCall {
  id: string;
  provider: string;
  providerCallId: string;
  status: string;
  direction: string | null;
  durationSeconds: number | null;
  summary: string | null;
}

export interface TimelineAction {
  id: string;
  kind: string;
  status: string;
  reason: string | null;
  callId: string | null;
  payload: Record<string, unknown>;
  /** What Meta last reported for the message this action sent (send_whatsapp), else null. */
  messageState: MessageState | null;
  messageStateAt: string | null;
  messageFailures: MessageFailure[];
  lastError: string | null;
}

export type TimelineEntry =
  | { type: 'call'; id: string; at: string; call: TimelineCall }
  | { type: 'action'; id: string; at: string; action: TimelineAction }
  | { type: 'message'; id: string; at: string; message: WhatsappMessageView };

export interface CustomerTimeline {
  customer: {
    /** E.164 as stored; masked for a viewer. */
    number: string;
    /** The path segment of this page for the reader (a viewer gets `call-<id>`). */
    ref: string;
    /** The WhatsApp profile name they last wrote with, else what their latest call names them. */
    name: string | null;
    calls: number;
    actions: number;
    messages: number;
    /** Their last message to us (opens the WhatsApp service window), ISO. */
    lastInboundAt: string | null;
    window: { state: 'never_opened' | 'open' | 'closed'; endsAt: string | null };
  };
  entries: TimelineEntry[];
  /** Pass as `cursor` for the older page; null on the last one. */
  nextCursor: string | null;
}

interface UnionRow {
  type: 'call' | 'action' | 'message';
  at: Date;
  id: string;
  data: Record<string, unknown>;
}

interface HeaderRow {
  calls: number;
  actions: number;
  messages: number;
  last_inbound_at: Date | null;
  profile_name: string | null;
  call_name: string | null;
  latest_call_id: string | null;
}

/** The customer's number for this reference, or null when it names nothing. */
export async function resolveCustomer(ref: CustomerRef): Promise<{ number: string; callId: string | null } | null> {
  if (ref.kind === 'number') return { number: ref.number, callId: null };
  const { rows } = await pool().query<{ n: string | null }>('SELECT customer_number AS n FROM call WHERE id = $1::uuid', [ref.callId]);
  const number = rows[0]?.n;
  return number ? { number, callId: ref.callId } : null;
}

const ISO = (d: unknown): string | null => (d === null || d === undefined ? null : new Date(d as string).toISOString());

function toEntry(row: UnionRow): TimelineEntry {
  const at = row.at.toISOString();
  if (row.type === 'call') return { type: 'call', id: row.id, at, call: row.data as unknown as TimelineCall };
  if (row.type === 'message') {
    const message = toMessageView({ ...(row.data as unknown as MessageRow), sent_at: row.at });
    return { type: 'message', id: row.id, at, message };
  }
  const d = row.data as {
    kind: string;
    status: string;
    reason: string | null;
    callId: string | null;
    payload: Record<string, unknown> | null;
    messageState: MessageState | null;
    messageStateAt: string | null;
    messageFailures: { code?: number; at?: string; message?: string | null; details?: string | null }[] | null;
    lastError: string | null;
  };
  return {
    type: 'action',
    id: row.id,
    at,
    action: {
      id: row.id,
      kind: d.kind,
      status: d.status,
      reason: d.reason,
      callId: d.callId,
      payload: d.payload ?? {},
      messageState: d.messageState,
      messageStateAt: ISO(d.messageStateAt),
      messageFailures: (Array.isArray(d.messageFailures) ? d.messageFailures : []).map((f) =>
        explainFailure({ code: Number(f.code) || 0, at: ISO(f.at) ?? '', message: f.message, details: f.details }),
      ),
      lastError: d.lastError,
    },
  };
}

/**
 * The customer's timeline, one page. `ref` is what the URL said; null when it names no customer
 * (an unknown call, or a call without a number). A number nobody called or wrote from is an
 * empty timeline, not a 404: the page says so.
 */
export async function getCustomerTimeline(
  actor: Actor,
  ref: CustomerRef,
  opts: { cursor?: string; limit?: number; now?: Date } = {},
): Promise<CustomerTimeline | null> {
  assertCan(actor, 'calls:read');
  const limit = Math.min(Math.max(1, opts.limit ?? TIMELINE_PAGE), TIMELINE_MAX_PAGE);
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  const customer = await resolveCustomer(ref);
  if (!customer) return null;
  const db = pool();
  const { number } = customer;

  const page = db.query<UnionRow>(
    // Each source reads only its own next page (keyset, LIMIT) on its index by number and time;
    // the union then orders at most three pages.
    `SELECT type, at, id, data FROM (
       (SELECT 'call' AS type, c.occurred_at AS at, c.id,
               jsonb_build_object('id', c.id, 'provider', c.provider, 'providerCallId', c.provider_call_id, 'status', c.status,
                                  'direction', c.direction, 'durationSeconds', c.duration_seconds, 'summary', c.summary) AS data
          FROM call c
         WHERE c.customer_number = $1 AND ($2::timestamptz IS NULL OR (c.occurred_at, c.id) < ($2::timestamptz, $3::uuid))
         ORDER BY c.occurred_at DESC, c.id DESC LIMIT $4)
       UNION ALL
       (SELECT 'action', a.created_at, a.id,
               jsonb_build_object('kind', a.kind, 'status', a.status, 'reason', a.reason, 'callId', a.call_id,
                                  'payload', coalesce(a.edited_payload, a.payload), 'messageState', a.message_state,
                                  'messageStateAt', a.message_state_at, 'messageFailures', a.message_failures,
                                  'lastError', (SELECT o.last_error FROM dispatch_outbox o WHERE o.action_id = a.id))
          FROM call c JOIN action a ON a.call_id = c.id
         WHERE c.customer_number = $1 AND ($2::timestamptz IS NULL OR (a.created_at, a.id) < ($2::timestamptz, $3::uuid))
         ORDER BY a.created_at DESC, a.id DESC LIMIT $4)
       UNION ALL
       (SELECT 'message', m.sent_at, m.id, to_jsonb(x) - 'sent_at'
          FROM whatsapp_message m, LATERAL (SELECT ${MESSAGE_COLUMNS}) x
         WHERE m.customer_number = $1 AND ($2::timestamptz IS NULL OR (m.sent_at, m.id) < ($2::timestamptz, $3::uuid))
         ORDER BY m.sent_at DESC, m.id DESC LIMIT $4)
     ) t
     ORDER BY at DESC, id DESC
     LIMIT $4`,
    [number, after?.at ?? null, after?.id ?? null, limit + 1],
  );
  const header = db.query<HeaderRow>(
    `SELECT (SELECT count(*)::int FROM call WHERE customer_number = $1) AS calls,
            (SELECT count(*)::int FROM call c JOIN action a ON a.call_id = c.id WHERE c.customer_number = $1) AS actions,
            (SELECT count(*)::int FROM whatsapp_message WHERE customer_number = $1) AS messages,
            (SELECT max(sent_at) FROM whatsapp_message WHERE customer_number = $1 AND direction = 'inbound') AS last_inbound_at,
            (SELECT profile_name FROM whatsapp_message WHERE customer_number = $1 AND direction = 'inbound' AND profile_name IS NOT NULL
              ORDER BY sent_at DESC LIMIT 1) AS profile_name,
            (SELECT coalesce(metadata->>'customer_name', metadata->>'name', variables->>'customer_name') FROM call
              WHERE customer_number = $1 ORDER BY occurred_at DESC, last_event_at DESC, id DESC LIMIT 1) AS call_name,
            (SELECT id::text FROM call WHERE customer_number = $1 ORDER BY occurred_at DESC, last_event_at DESC, id DESC LIMIT 1) AS latest_call_id`,
    [number],
  );
  const [{ rows }, { rows: heads }, callIds] = await Promise.all([page, header, callsOfCustomer(db, number)]);
  const head = heads[0] as HeaderRow;
  const entries = rows.slice(0, limit).map(toEntry);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  const window = serviceWindow(head.last_inbound_at, opts.now ?? new Date());
  const whole = can(actor.role, 'personal-data:read');
  const refCall = customer.callId ?? head.latest_call_id;
  const timeline: CustomerTimeline = {
    customer: {
      number,
      ref: (refCall ? customerRef({ number, callId: refCall, whole }) : null) ?? encodeURIComponent(number),
      name: head.profile_name ?? (typeof head.call_name === 'string' && head.call_name.trim() ? head.call_name : null),
      calls: head.calls,
      actions: head.actions,
      messages: head.messages,
      lastInboundAt: head.last_inbound_at?.toISOString() ?? null,
      window: { state: window.state, endsAt: window.endsAt?.toISOString() ?? null },
    },
    entries,
    nextCursor: last ? encodeCursor(last.at, last.id) : null,
  };
  if (whole) return timeline;
  // A viewer who came by number (typed it) still never gets a number back; the ref stays a call's.
  const messages = entries.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  const extra = personalDataOfMessages([{ customerNumber: number, profileName: head.profile_name }, ...messages]);
  const masked = await maskAsOnePerson(actor, { ...timeline, customer: { ...timeline.customer, ref: '' } }, callIds, {
    ...extra,
    names: [...extra.names, ...(head.call_name ? [head.call_name] : [])],
  });
  return {
    ...masked,
    customer: { ...masked.customer, ref: timeline.customer.ref.startsWith('call-') ? timeline.customer.ref : '' },
    nextCursor: timeline.nextCursor,
  };
}
