import { type AuditAction, writeAudit } from '@/lib/audit';
import type { Queryable } from '@/lib/db';
import { explainWhatsappError, whatsappError } from './errors';
import { arrived, type MessageFailure, type MessageState, messageState, type StatusRecord } from './message-state';

// Statuses onto the action that sent the message. The message is found by the id the Cloud API
// returned (dispatch_outbox.response_id); its state is recomputed from every status stored for it
// (message-state.ts), so order and repeats do not matter. Both writers call this: the webhook
// after storing statuses, and the outbox when it records the send (a status may come first).
// Both take the same per-message advisory lock after writing their part, so whichever runs
// second sees the other's rows.

export interface ReconcileOptions {
  now: Date;
  /**
   * The wait before trying again after `attempts` attempts, or null when they are used up (the
   * outbox's policy, lib/dispatch/backoff.ts: dispatch sits above this floor, so it is passed in).
   * Without it a retryable failure is final.
   */
  retryDelayMs?: (attempts: number) => number | null;
}

export type ReconcileResult =
  | { matched: false }
  | { matched: true; actionId: string; state: MessageState | null; change: 'none' | 'failed' | 'requeued' | 'recovered' };

export async function lockMessage(db: Queryable, wamid: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('wamid:' || $1, 0))`, [wamid]);
}

interface Target {
  outbox_id: string;
  outbox_status: string;
  attempts: number;
  payload: { template?: { name?: unknown; language?: unknown } } | null;
  action_id: string;
  action_status: string;
}

interface StatusRow {
  wamid: string;
  status: MessageState;
  at: Date;
  error_code: number;
  error_title: string | null;
  error_message: string | null;
  error_details: string | null;
}

const toRecord = (r: StatusRow): StatusRecord => ({
  status: r.status,
  at: r.at,
  errorCode: r.error_code,
  errorTitle: r.error_title,
  errorMessage: r.error_message,
  errorDetails: r.error_details,
});

function templateOf(payload: Target['payload']): { name: string; language: string } | null {
  const t = payload?.template;
  return t && typeof t.name === 'string' && typeof t.language === 'string' ? { name: t.name, language: t.language } : null;
}

/** Must run inside a transaction: the lock and the changes commit together. */
export async function reconcileMessage(db: Queryable, wamid: string, opts: ReconcileOptions): Promise<ReconcileResult> {
  await lockMessage(db, wamid);
  const { rows: targets } = await db.query<Target>(
    `SELECT o.id AS outbox_id, o.status AS outbox_status, o.attempts, o.payload, a.id AS action_id, a.status AS action_status
     FROM dispatch_outbox o JOIN action a ON a.id = o.action_id
     WHERE o.response_id = $1 FOR UPDATE OF o, a`,
    [wamid],
  );
  const target = targets[0];
  if (!target) return { matched: false };

  // This message's statuses decide its state; the failures are every one of the action's messages' (a requeued send had others).
  const { rows } = await db.query<StatusRow>(
    `SELECT wamid, status, at, error_code, error_title, error_message, error_details FROM whatsapp_status
     WHERE wamid = $1 OR (status = 'failed' AND wamid IN (SELECT m.wamid FROM whatsapp_message m WHERE m.action_id = $2 AND m.direction = 'outbound'))`,
    [wamid, target.action_id],
  );
  const own = messageState(rows.filter((r) => r.wamid === wamid).map(toRecord));
  const failures: MessageFailure[] = messageState(rows.filter((r) => r.status === 'failed').map(toRecord)).failures;

  let change: 'none' | 'failed' | 'requeued' | 'recovered' = 'none';
  let actionStatus = target.action_status;
  // No person acted: the audit row names WhatsApp's report as the cause.
  const audit = (action: AuditAction, before: object, after: object) =>
    writeAudit(db, { action, targetType: 'action', targetId: target.action_id, before, after: { ...after, by: 'whatsapp status' } });

  const reached = arrived(own.state);
  if (reached && target.outbox_status === 'sent' && target.action_status === 'failed') {
    // It failed on one device and arrived on another: it did reach the customer.
    actionStatus = 'dispatched';
    change = 'recovered';
    await db.query(`UPDATE dispatch_outbox SET last_error = NULL, updated_at = now() WHERE id = $1`, [target.outbox_id]);
    await audit('action_message_recovered', { status: 'failed' }, { status: 'dispatched', messageState: own.state, wamid });
  } else if (reached && target.outbox_status === 'pending') {
    // Put back for a retryable failure, then reported as arrived after all: do not send it twice.
    actionStatus = 'dispatched';
    change = 'recovered';
    await db.query(`UPDATE dispatch_outbox SET status = 'sent', last_error = NULL, updated_at = now() WHERE id = $1 AND status = 'pending'`, [
      target.outbox_id,
    ]);
    await audit('action_message_recovered', { status: target.action_status, outbox: 'pending' }, { status: 'dispatched', messageState: own.state, wamid });
  } else if (own.state === 'failed' && target.outbox_status === 'sent' && target.action_status === 'dispatched') {
    const last = own.failures.at(-1);
    const code = last?.code ?? 0;
    const explanation = explainWhatsappError(code, { metaMessage: last?.message ?? last?.title, details: last?.details, template: templateOf(target.payload) });
    const delay = whatsappError(code).handling === 'retry' && opts.retryDelayMs ? opts.retryDelayMs(target.attempts) : null;
    if (delay !== null) {
      // The message certainly did not arrive: the outbox sends it again, within its attempts.
      actionStatus = 'approved';
      change = 'requeued';
      await db.query(
        `UPDATE dispatch_outbox SET status = 'pending', last_error = $2, next_attempt_at = $3::timestamptz + $4::float8 * interval '1 millisecond', updated_at = now()
         WHERE id = $1 AND status = 'sent'`,
        [target.outbox_id, explanation, opts.now, delay],
      );
      await audit('action_message_requeued', { status: 'dispatched' }, { status: 'approved', code, wamid, retryInMs: delay });
    } else {
      actionStatus = 'failed';
      change = 'failed';
      await db.query(`UPDATE dispatch_outbox SET last_error = $2, updated_at = now() WHERE id = $1`, [target.outbox_id, explanation]);
      await audit('action_message_failed', { status: 'dispatched' }, { status: 'failed', code, wamid, error: explanation });
    }
  }

  await db.query(
    `UPDATE action SET status = $2, message_state = $3, message_state_at = $4, message_failures = $5::jsonb,
       updated_at = CASE WHEN status IS DISTINCT FROM $2 OR message_state IS DISTINCT FROM $3 OR message_failures IS DISTINCT FROM $5::jsonb THEN now() ELSE updated_at END
     WHERE id = $1`,
    [target.action_id, actionStatus, own.state, own.at, failures.length ? JSON.stringify(failures) : null],
  );
  return { matched: true, actionId: target.action_id, state: own.state, change };
}
