import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { pool } from '@/lib/db';
import { maskText, NO_PERSONAL_DATA } from '@/lib/privacy';
import { customerHref, explainFailure, type MessageFailure, type MessageState } from '@/lib/queries/customers/message-state';
import { maskRows } from '@/lib/queries/privacy';
import type { ActionFilters } from '@/lib/schemas/actions';
import { decodeActionCursor, encodeActionCursor } from './cursor';
import { type WhatsappContext, whatsappContextsHere } from './whatsapp-context';

// Actions as the queue, the API and the badge read them. Dates are ISO strings, so what the
// page renders first and what the queue polls from /api/actions are the same shape.

export interface ActionListItem {
  id: string;
  provider: string;
  kind: string;
  rawKind: string;
  reason: string | null;
  status: string;
  payload: Record<string, unknown>;
  editedPayload: Record<string, unknown> | null;
  createdAt: string;
  decidedAt: string | null;
  decidedByEmail: string | null;
  decisionNote: string | null;
  /**
   * Until when the decision can be undone (ISO); null when pending or decided before undo existed.
   * Always there in what the list reads; optional so hand-made items (tests) need not say it.
   */
  undoUntil?: string | null;
  providerCallId: string | null;
  callId: string | null;
  call: { id: string; customerNumber: string | null; status: string; providerCallId: string; endedAt: string | null; summary?: string | null } | null;
  dispatch: { status: string; destination: string; attempts: number; lastError: string | null; responseId: string | null } | null;
  /** A WhatsApp message: the customer's service window, its template's facts, its message state. */
  whatsapp?: WhatsappContext | null;
  /**
   * What Meta last reported for the WhatsApp message this action sent: the furthest of sent,
   * delivered, read (or failed when nothing got further) and every failure explained; null when
   * nothing was reported. Optional like undoUntil: the list always says it.
   */
  message?: ActionMessage | null;
  /** The customer wrote on WhatsApp after the action was raised: how often, when last, what (masked for viewers). */
  replies?: { count: number; lastAt: string; last: string | null } | null;
  /** The customer's page: by number for those who may read it, by call (`/customers/call-<id>`) for viewers. */
  customerHref?: string | null;
}

export interface ActionMessage {
  state: MessageState | null;
  at: string | null;
  failures: MessageFailure[];
}

type StoredFailure = { code?: number; at?: string; message?: string | null; details?: string | null };

/** The action's message columns (H1's reconcile keeps them) as people read them. */
export function actionMessage(
  state: string | null,
  at: Date | null,
  failures: StoredFailure[] | null,
  template?: { name?: unknown; language?: unknown } | null,
): ActionMessage | null {
  const list = Array.isArray(failures) ? failures : [];
  if (!state && list.length === 0) return null;
  const named =
    template && typeof template.name === 'string' && typeof template.language === 'string' ? { name: template.name, language: template.language } : null;
  return {
    state: (state as MessageState | null) ?? null,
    at: at?.toISOString() ?? null,
    failures: list.map((f) =>
      explainFailure({ code: Number(f.code) || 0, at: f.at ? new Date(f.at).toISOString() : '', message: f.message, details: f.details }, named),
    ),
  };
}

interface Row {
  id: string;
  provider: string;
  kind: string;
  raw_kind: string;
  reason: string | null;
  status: string;
  payload: Record<string, unknown> | null;
  edited_payload: Record<string, unknown> | null;
  created_at: Date;
  decided_at: Date | null;
  decided_by_email: string | null;
  decision_note: string | null;
  undo_until: Date | null;
  provider_call_id: string | null;
  call_id: string | null;
  c_id: string | null;
  c_customer_number: string | null;
  c_status: string;
  c_provider_call_id: string;
  c_ended_at: Date | null;
  c_summary: string | null;
  o_status: string | null;
  o_destination: string;
  o_attempts: number;
  o_last_error: string | null;
  o_response_id: string | null;
  o_template: { name?: unknown; language?: unknown } | null;
  message_state: string | null;
  message_state_at: Date | null;
  message_failures: StoredFailure[] | null;
  r_count: number;
  r_last_at: Date | null;
  r_last: string | null;
  r_names: string[] | null;
}

/** `where` and `orderBy` are fixed SQL fragments of this file; only `params` carry values. */
async function findRows(where: string, orderBy: string, params: unknown[]): Promise<Row[]> {
  const { rows } = await pool().query<Row>(
    `SELECT a.id, a.provider, a.kind, a.raw_kind, a.reason, a.status, a.payload, a.edited_payload, a.created_at, a.undo_until,
            a.decided_at, a.decided_by_email, a.decision_note, a.provider_call_id, a.call_id,
            c.id AS c_id, c.customer_number AS c_customer_number, c.status AS c_status, c.provider_call_id AS c_provider_call_id, c.ended_at AS c_ended_at, c.summary AS c_summary,
            o.status AS o_status, o.destination AS o_destination, o.attempts AS o_attempts, o.last_error AS o_last_error, o.response_id AS o_response_id,
            CASE WHEN jsonb_typeof(o.payload->'template') = 'object' THEN o.payload->'template' END AS o_template,
            a.message_state, a.message_state_at, a.message_failures, r.n AS r_count, r.last_at AS r_last_at, r.last AS r_last, r.names AS r_names
     FROM action a
     LEFT JOIN call c ON c.id = a.call_id
     LEFT JOIN dispatch_outbox o ON o.action_id = a.id
     -- What the customer wrote on WhatsApp after the action was raised (whatsapp_message by number and time).
     LEFT JOIN LATERAL (
       SELECT count(*)::int AS n, max(m.sent_at) AS last_at,
              (array_agg(coalesce(m.body, m.media->>'caption', m.type) ORDER BY m.sent_at DESC))[1] AS last,
              array_remove(array_agg(DISTINCT m.profile_name), NULL) AS names
         FROM whatsapp_message m
        WHERE m.direction = 'inbound' AND m.customer_number = c.customer_number AND m.sent_at > a.created_at
     ) r ON true
     WHERE ${where}
     ORDER BY ${orderBy}
     LIMIT $1`,
    params,
  );
  return rows;
}

function toItem(row: Row): ActionListItem {
  return {
    id: row.id,
    provider: row.provider,
    kind: row.kind,
    rawKind: row.raw_kind,
    reason: row.reason,
    status: row.status,
    payload: row.payload ?? {},
    editedPayload: row.edited_payload ?? null,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedByEmail: row.decided_by_email,
    decisionNote: row.decision_note,
    undoUntil: row.undo_until?.toISOString() ?? null,
    providerCallId: row.provider_call_id,
    callId: row.call_id,
    call: row.c_id
      ? {
          id: row.c_id,
          customerNumber: row.c_customer_number,
          status: row.c_status,
          providerCallId: row.c_provider_call_id,
          endedAt: row.c_ended_at?.toISOString() ?? null,
          summary: row.c_summary,
        }
      : null,
    dispatch: row.o_status
      ? { status: row.o_status, destination: row.o_destination, attempts: row.o_attempts, lastError: row.o_last_error, responseId: row.o_response_id }
      : null,
    message: actionMessage(row.message_state, row.message_state_at, row.message_failures, row.o_template),
    replies: row.r_count > 0 && row.r_last_at ? { count: row.r_count, lastAt: row.r_last_at.toISOString(), last: row.r_last } : null,
  };
}

/**
 * Viewers get each action masked with what its call names (its customer's name in a note, say).
 * The link to the customer's page is made after masking: by number for approvers and admins, by
 * call for viewers (no number in their URLs).
 */
async function forActor(actor: Actor, rows: Row[]): Promise<ActionListItem[]> {
  const items = rows.map(toItem);
  const contexts = await whatsappContextsHere(
    pool(),
    items.map((item) => item.id),
  );
  const withContext = items.map((item) => (contexts.has(item.id) ? { ...item, whatsapp: contexts.get(item.id) ?? null } : item));
  const whole = can(actor.role, 'personal-data:read');
  const hrefs = items.map((item) => (item.call ? customerHref({ number: item.call.customerNumber, callId: item.call.id, whole }) : null));
  const shown = await maskRows(actor, withContext, (item) => item.callId);
  return shown.map((item, i) => ({
    ...item,
    customerHref: hrefs[i] ?? null,
    // What the customer wrote may name them as only their WhatsApp profile does.
    replies: item.replies && !whole ? maskReply(item.replies, rows[i]?.r_names ?? [], rows[i]?.c_customer_number ?? null) : item.replies,
  }));
}

/** A reply's words for a viewer: also masked with the names the customer's WhatsApp profile gave and their number. */
export function maskReply<R extends { last: string | null }>(replies: R, names: string[], number: string | null): R {
  if (replies.last === null) return replies;
  return { ...replies, last: maskText(replies.last, { ...NO_PERSONAL_DATA, names, phones: number ? [number] : [] }) };
}

export interface ActionsPage {
  actions: ActionListItem[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * Actions oldest first, one keyset page at a time: the queue is worked from the front. One row
 * more than the page is read to know whether another page follows; with a status the read walks
 * the (status, created_at) index, so a page costs the same at the 1,000th pending action.
 */
export async function listActionsPage(actor: Actor, filters: ActionFilters): Promise<ActionsPage> {
  assertCan(actor, 'actions:read');
  const params: unknown[] = [filters.limit + 1];
  const where: string[] = [];
  if (filters.status) {
    params.push(filters.status);
    where.push(`a.status = $${params.length}`);
  }
  if (filters.cursor) {
    const after = decodeActionCursor(filters.cursor);
    params.push(after.createdAt, after.id);
    where.push(`(a.created_at, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const rows = await findRows(where.join(' AND ') || 'true', 'a.created_at, a.id', params);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filters.limit && last ? encodeActionCursor({ createdAt: last.created_at.toISOString(), id: last.id }) : null;
  return { actions: await forActor(actor, page), nextCursor };
}

/** The first page of actions, oldest first (the queue page's first render). */
export async function listActions(actor: Actor, filters: ActionFilters): Promise<ActionListItem[]> {
  return (await listActionsPage(actor, filters)).actions;
}

/** The latest decisions, newest first, with what became of each. */
export async function listRecentDecisions(actor: Actor, limit = 50): Promise<ActionListItem[]> {
  assertCan(actor, 'actions:read');
  const rows = await findRows('a.decided_at IS NOT NULL', 'a.decided_at DESC, a.id DESC', [limit]);
  return forActor(actor, rows);
}

/** Failed and needs-check actions, oldest first: what a person must look at. */
export async function listNeedingAttention(actor: Actor, limit = 100): Promise<ActionListItem[]> {
  assertCan(actor, 'actions:read');
  const rows = await findRows(`a.status IN ('failed', 'needs_check')`, 'a.updated_at, a.id', [limit]);
  return forActor(actor, rows);
}

/** Counts for the badge and the queue's tabs. */
export async function actionCounts(actor: Actor): Promise<{ pending: number; attention: number }> {
  assertCan(actor, 'actions:read');
  const { rows } = await pool().query<{ pending: number; attention: number }>(
    `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status IN ('failed', 'needs_check'))::int AS attention
     FROM action WHERE status IN ('pending', 'failed', 'needs_check')`,
  );
  return rows[0] ?? { pending: 0, attention: 0 };
}
