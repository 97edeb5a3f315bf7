import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { pool } from '@/lib/db';
import { customerHref } from '@/lib/queries/customers/message-state';
import { privacyFor } from '@/lib/queries/privacy';
import { type ActionMessage, actionMessage, maskReply } from './list';
import { type WhatsappContext, whatsappContextsHere } from './whatsapp-context';

type Json = unknown;

export interface ActionDetail {
  id: string;
  provider: string;
  kind: string;
  rawKind: string;
  reason: string | null;
  status: string;
  payload: Record<string, unknown>;
  editedPayload: Record<string, unknown> | null;
  createdAt: Date;
  decidedAt: Date | null;
  decidedByEmail: string | null;
  decisionNote: string | null;
  /** Until when the decision can be undone; null when pending. */
  undoUntil: Date | null;
  providerCallId: string | null;
  call: {
    id: string;
    provider: string;
    providerCallId: string;
    customerNumber: string | null;
    status: string;
    startedAt: Date | null;
    endedAt: Date | null;
  } | null;
  outbox: {
    id: string;
    destination: string;
    status: string;
    attempts: number;
    nextAttemptAt: Date;
    lastStatus: number | null;
    lastError: string | null;
    responseId: string | null;
    sentAt: Date | null;
    createdAt: Date;
    payload: Json;
    attemptLog: {
      number: number;
      startedAt: Date;
      durationMs: number;
      outcome: string;
      httpStatus: number | null;
      error: string | null;
      responseId: string | null;
    }[];
  } | null;
  history: { at: Date; actorEmail: string | null; action: string; before: Json; after: Json }[];
  /** A WhatsApp message: the customer's service window, its template's facts, its message state. */
  whatsapp?: WhatsappContext | null;
  /** What Meta last reported for the WhatsApp message it sent, every failure explained; null when nothing was. */
  message: ActionMessage | null;
  /** The customer's page (by number, or by call for viewers); null without a call number. */
  customerHref: string | null;
  /** The customer wrote on WhatsApp after the action was raised (the latest words masked for viewers). */
  replies: { count: number; lastAt: Date; last: string | null } | null;
}

type ActionRow = Omit<ActionDetail, 'call' | 'outbox' | 'history' | 'message' | 'customerHref' | 'replies'> & {
  repliesCount: number;
  repliesLastAt: Date | null;
  repliesLast: string | null;
  repliesNames: string[] | null;
  messageState: string | null;
  messageStateAt: Date | null;
  messageFailures: { code?: number; at?: string; message?: string | null; details?: string | null }[] | null;
  callId: string | null;
  callProvider: string;
  callProviderCallId: string;
  callCustomerNumber: string | null;
  callStatus: string;
  callStartedAt: Date | null;
  callEndedAt: Date | null;
  outboxId: string | null;
  outboxDestination: string;
  outboxStatus: string;
  outboxAttempts: number;
  outboxNextAttemptAt: Date;
  outboxLastStatus: number | null;
  outboxLastError: string | null;
  outboxResponseId: string | null;
  outboxSentAt: Date | null;
  outboxCreatedAt: Date;
  outboxPayload: Json;
};

/**
 * One action's whole life: the call that raised it, the decision (and any edit), the outbox row
 * and every attempt, and the audited steps people took. Personal data masked for viewers, the
 * staff emails of who decided kept.
 */
export async function getActionDetail(actor: Actor, id: string): Promise<ActionDetail | null> {
  assertCan(actor, 'actions:read');
  const db = pool();
  const [actions, attempts, history] = await Promise.all([
    db.query<ActionRow>(
      `SELECT a.id, a.provider, a.kind, a.raw_kind AS "rawKind", a.reason, a.status, a.payload, a.edited_payload AS "editedPayload",
              a.created_at AS "createdAt", a.decided_at AS "decidedAt", a.decided_by_email AS "decidedByEmail", a.decision_note AS "decisionNote",
              a.undo_until AS "undoUntil", a.provider_call_id AS "providerCallId",
              a.message_state AS "messageState", a.message_state_at AS "messageStateAt", a.message_failures AS "messageFailures",
              c.id AS "callId", c.provider AS "callProvider", c.provider_call_id AS "callProviderCallId", c.customer_number AS "callCustomerNumber",
              c.status AS "callStatus", c.started_at AS "callStartedAt", c.ended_at AS "callEndedAt",
              o.id AS "outboxId", o.destination AS "outboxDestination", o.status AS "outboxStatus", o.attempts AS "outboxAttempts",
              o.next_attempt_at AS "outboxNextAttemptAt", o.last_status AS "outboxLastStatus", o.last_error AS "outboxLastError",
              o.response_id AS "outboxResponseId", o.sent_at AS "outboxSentAt", o.created_at AS "outboxCreatedAt", o.payload AS "outboxPayload",
              r.n AS "repliesCount", r.last_at AS "repliesLastAt", r.last AS "repliesLast", r.names AS "repliesNames"
       FROM action a
       LEFT JOIN call c ON c.id = a.call_id
       LEFT JOIN dispatch_outbox o ON o.action_id = a.id
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS n, max(m.sent_at) AS last_at,
                (array_agg(coalesce(m.body, m.media->>'caption', m.type) ORDER BY m.sent_at DESC))[1] AS last,
                array_remove(array_agg(DISTINCT m.profile_name), NULL) AS names
           FROM whatsapp_message m
          WHERE m.direction = 'inbound' AND m.customer_number = c.customer_number AND m.sent_at > a.created_at
       ) r ON true
       WHERE a.id = $1`,
      [id],
    ),
    db.query<NonNullable<ActionDetail['outbox']>['attemptLog'][number]>(
      `SELECT t.number, t.started_at AS "startedAt", t.duration_ms AS "durationMs", t.outcome, t.http_status AS "httpStatus", t.error, t.response_id AS "responseId"
       FROM dispatch_attempt t JOIN dispatch_outbox o ON o.id = t.outbox_id
       WHERE o.action_id = $1 ORDER BY t.started_at, t.number`,
      [id],
    ),
    db.query<ActionDetail['history'][number]>(
      `SELECT at, actor_email AS "actorEmail", action, before, after FROM audit_log
       WHERE target_type = 'action' AND target_id = $1 ORDER BY at`,
      [id],
    ),
  ]);
  const row = actions.rows[0];
  if (!row) return null;
  const [privacy, contexts] = await Promise.all([privacyFor(actor, [row.callId]), whatsappContextsHere(db, [row.id])]);
  const shown: ActionDetail = privacy.mask(row.callId, {
    id: row.id,
    provider: row.provider,
    kind: row.kind,
    rawKind: row.rawKind,
    reason: row.reason,
    status: row.status,
    payload: row.payload,
    editedPayload: row.editedPayload,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    decidedByEmail: row.decidedByEmail,
    decisionNote: row.decisionNote,
    undoUntil: row.undoUntil,
    providerCallId: row.providerCallId,
    call: row.callId
      ? {
          id: row.callId,
          provider: row.callProvider,
          providerCallId: row.callProviderCallId,
          customerNumber: row.callCustomerNumber,
          status: row.callStatus,
          startedAt: row.callStartedAt,
          endedAt: row.callEndedAt,
        }
      : null,
    outbox: row.outboxId
      ? {
          id: row.outboxId,
          destination: row.outboxDestination,
          status: row.outboxStatus,
          attempts: row.outboxAttempts,
          nextAttemptAt: row.outboxNextAttemptAt,
          lastStatus: row.outboxLastStatus,
          lastError: row.outboxLastError,
          responseId: row.outboxResponseId,
          sentAt: row.outboxSentAt,
          createdAt: row.outboxCreatedAt,
          payload: row.outboxPayload,
          attemptLog: attempts.rows,
        }
      : null,
    history: history.rows,
    whatsapp: contexts.get(row.id) ?? null,
    message: actionMessage(
      row.messageState,
      row.messageStateAt,
      row.messageFailures,
      (row.outboxPayload as { template?: { name?: unknown; language?: unknown } } | null)?.template ?? null,
    ),
    customerHref: null,
    replies: row.repliesCount > 0 && row.repliesLastAt ? { count: row.repliesCount, lastAt: row.repliesLastAt, last: row.repliesLast } : null,
  });
  // Who decided is staff, not the customer: their emails stay.
  const whole = can(actor.role, 'personal-data:read');
  return {
    ...shown,
    replies: shown.replies && !whole ? maskReply(shown.replies, row.repliesNames ?? [], row.callCustomerNumber) : shown.replies,
    // Made after masking: a viewer's link names the call, never the number.
    customerHref: row.callId ? customerHref({ number: row.callCustomerNumber, callId: row.callId, whole }) : null,
    decidedByEmail: row.decidedByEmail,
    history: shown.history.map((entry, i) => ({ ...entry, actorEmail: history.rows[i]?.actorEmail ?? null })),
  };
}
