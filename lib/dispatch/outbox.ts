import 'server-only';
import { actionKind } from '@/lib/action-kinds/registry';
import { pool, type Queryable, transaction } from '@/lib/db';
import type { DispatchConfig } from '@/lib/env-dispatch';
import { nextRetryDelayMs } from './backoff';

// The outbox table's three moves: a row is written in the approval's transaction (enqueue),
// taken by one drainer under a lease (claim), and closed or rescheduled with its attempt
// (record). Every statement is conditional, so concurrent drainers never share a row. A row
// carries an action, or an alert's notification (alert_id, alert_event; lib/commands/alerts/notify.ts
// writes those); never both.

export type OutboxStatus = 'pending' | 'in_flight' | 'sent' | 'failed' | 'needs_check' | 'skipped';

export async function enqueueOutbox(
  db: Queryable,
  row: { actionId: string; kind: string; destination: string | null; payload: unknown; skipReason?: string; notBefore?: Date },
): Promise<{ id: string; status: OutboxStatus }> {
  const skipped = row.destination === null;
  // notBefore: the decision's undo window; no drainer claims the row before it closes.
  const { rows } = await db.query<{ id: string; status: OutboxStatus }>(
    `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status, last_error, next_attempt_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, COALESCE($7::timestamptz, now())) RETURNING id, status`,
    [
      row.actionId,
      row.kind,
      row.destination ?? 'none',
      JSON.stringify(row.payload ?? {}),
      skipped ? 'skipped' : 'pending',
      skipped ? (row.skipReason ?? null) : null,
      row.notBefore ?? null,
    ],
  );
  const inserted = rows[0];
  if (!inserted) throw new Error('outbox insert returned nothing');
  return inserted;
}

interface ClaimedCommon {
  id: string;
  kind: string;
  destination: string;
  payload: Record<string, unknown>;
  /** Attempts that may have reached the destination, including this one. */
  attempts: number;
  /** Earlier tries that certainly did not reach it (not counting this one). */
  unreachedAttempts: number;
  leaseToken: string;
  /** The row was in flight under an expired lease: its last attempt may have arrived unrecorded. */
  reclaimed: boolean;
}

/** An approved action's row, with what its destination may need of the action. */
export interface ClaimedActionRow extends ClaimedCommon {
  actionId: string;
  alertId: null;
  alertEvent: null;
  provider: string;
  callId: string | null;
  providerCallId: string | null;
  reason: string | null;
}

/** An alert's notification: its alert and event (opened | resolved); the payload is the message. */
export interface ClaimedAlertRow extends ClaimedCommon {
  actionId: null;
  alertId: string;
  alertEvent: string;
  provider: null;
  callId: null;
  providerCallId: null;
  reason: null;
}

export type ClaimedRow = ClaimedActionRow | ClaimedAlertRow;

/** Rows of these actions or these alerts; neither given: every row. */
export interface OutboxFilter {
  actionIds?: string[];
  alertIds?: string[];
}

/**
 * The filter as SQL over dispatch_outbox, its arrays numbered from $next. Only the arms asked for
 * are written: a constant NULL arm would keep the planner off the action_id and alert_id indexes.
 */
function filterSql(f: OutboxFilter, next: number): { sql: string; params: string[][] } {
  const arms: string[] = [];
  const params: string[][] = [];
  for (const [column, ids] of [
    ['action_id', f.actionIds],
    ['alert_id', f.alertIds],
  ] as const) {
    if (!ids) continue;
    params.push(ids);
    arms.push(`${column} = ANY($${next + params.length - 1}::uuid[])`);
  }
  return { sql: arms.length === 0 ? 'TRUE' : `(${arms.join(' OR ')})`, params };
}

/**
 * Takes up to `limit` due rows in one short statement: FOR UPDATE SKIP LOCKED lets concurrent
 * drainers pass each other's rows, and the lease (with a fresh token) marks them taken after the
 * statement commits. A row whose lease ran out is due again; `reclaimed` tells the sender.
 */
export async function claimOutbox(opts: { limit: number; leaseMs: number; destinations: string[] } & OutboxFilter): Promise<ClaimedRow[]> {
  // The action (when the row has one) is joined after the claim: a notification has none.
  const filter = filterSql(opts, 4);
  const { rows } = await pool().query<ClaimedRow>(
    `WITH due AS (
       SELECT id, status AS previous FROM dispatch_outbox
       WHERE destination = ANY($1::text[])
         AND ${filter.sql}
         AND ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'in_flight' AND lease_until < now()))
       ORDER BY next_attempt_at, id
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE dispatch_outbox o
       SET status = 'in_flight', attempts = o.attempts + 1, lease_until = now() + $3::float8 * interval '1 millisecond',
           lease_token = gen_random_uuid(), updated_at = now()
       FROM due
       WHERE o.id = due.id
       RETURNING o.*, due.previous
     )
     SELECT c.id, c.action_id AS "actionId", c.alert_id AS "alertId", c.alert_event AS "alertEvent", c.kind, c.destination, c.payload, c.attempts,
            c.unreached_attempts AS "unreachedAttempts", c.lease_token AS "leaseToken", c.previous = 'in_flight' AS reclaimed,
            a.provider, a.call_id AS "callId", a.provider_call_id AS "providerCallId", a.reason
     FROM claimed c LEFT JOIN action a ON a.id = c.action_id`,
    [opts.destinations, opts.limit, opts.leaseMs, ...filter.params],
  );
  return rows;
}

export type AttemptOutcome = 'sent' | 'found' | 'retry' | 'failed' | 'refused' | 'needs_check';

export interface AttemptRecord {
  outcome: AttemptOutcome;
  httpStatus: number | null;
  error: string | null;
  responseId: string | null;
  startedAt: Date;
  durationMs: number;
  /** For retry: when to try again. */
  retryInMs?: number;
  /** The request certainly did not reach the destination: counted apart from the attempts. */
  unreached?: boolean;
}

const OUTBOX_STATUS: Record<AttemptOutcome, OutboxStatus> = {
  sent: 'sent',
  found: 'sent',
  retry: 'pending',
  failed: 'failed',
  refused: 'failed',
  needs_check: 'needs_check',
};
const ACTION_STATUS: Partial<Record<OutboxStatus, string>> = { sent: 'dispatched', failed: 'failed', needs_check: 'needs_check' };

/**
 * Closes or reschedules a claimed row, with its attempt and the action's status (a notification
 * has no action), in one transaction. Fenced by the lease token: a drainer whose lease expired and was taken over
 * records nothing (false), so it cannot overwrite the newer owner's result. A send the
 * destination accepted with an id is handed to the kind's afterSent in the same transaction
 * (WhatsApp keeps the message and applies statuses that arrived first).
 */
export async function recordAttempt(
  row: Pick<ClaimedRow, 'id' | 'actionId' | 'attempts' | 'unreachedAttempts' | 'leaseToken' | 'kind' | 'destination' | 'payload'>,
  attempt: AttemptRecord,
  config: DispatchConfig,
): Promise<boolean> {
  const status = OUTBOX_STATUS[attempt.outcome];
  const unreached = attempt.unreached === true;
  return transaction(async (db) => {
    // The claim counted this try as an attempt; one that never reached the destination moves to
    // the other count.
    const updated = await db.query(
      `UPDATE dispatch_outbox
       SET status = $3,
           attempts = attempts - CASE WHEN $8::boolean THEN 1 ELSE 0 END,
           unreached_attempts = unreached_attempts + CASE WHEN $8::boolean THEN 1 ELSE 0 END, lease_until = NULL, lease_token = NULL, last_status = $4, last_error = $5,
           response_id = COALESCE($6, response_id), sent_at = CASE WHEN $3::text = 'sent' THEN now() ELSE sent_at END,
           next_attempt_at = CASE WHEN $3::text = 'pending' THEN now() + $7::float8 * interval '1 millisecond' ELSE next_attempt_at END,
           updated_at = now()
       WHERE id = $1 AND lease_token = $2 AND status = 'in_flight'`,
      [row.id, row.leaseToken, status, attempt.httpStatus, attempt.error, attempt.responseId, attempt.retryInMs ?? 0, unreached],
    );
    if (updated.rowCount !== 1) return false;
    await db.query(
      `INSERT INTO dispatch_attempt (outbox_id, number, started_at, duration_ms, outcome, http_status, error, response_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      // Numbered by tries, reached or not, so the log reads 1, 2, 3, ...
      [
        row.id,
        row.attempts + row.unreachedAttempts,
        attempt.startedAt,
        Math.round(attempt.durationMs),
        attempt.outcome,
        attempt.httpStatus,
        attempt.error,
        attempt.responseId,
      ],
    );
    if (row.actionId === null) return true;
    const actionStatus = ACTION_STATUS[status];
    if (actionStatus) await db.query('UPDATE action SET status = $2, updated_at = now() WHERE id = $1', [row.actionId, actionStatus]);
    const afterSent = actionKind(row.kind)?.afterSent;
    if (status === 'sent' && attempt.responseId && afterSent) {
      await afterSent(db, {
        actionId: row.actionId,
        payload: row.payload,
        responseId: attempt.responseId,
        destination: row.destination,
        now: new Date(),
        config,
        retryDelayMs: (attempts) => nextRetryDelayMs(attempts, config.policy),
      });
    }
    return true;
  });
}

/** When the next of these rows falls due (pending, or in flight under a lease that will run out), or null. */
export async function nextDueAt(opts: { destinations: string[] } & OutboxFilter): Promise<Date | null> {
  const filter = filterSql(opts, 2);
  const { rows } = await pool().query<{ at: Date | null }>(
    `SELECT min(CASE WHEN status = 'pending' THEN next_attempt_at ELSE lease_until END) AS at FROM dispatch_outbox
     WHERE destination = ANY($1::text[]) AND ${filter.sql} AND status IN ('pending', 'in_flight')`,
    [opts.destinations, ...filter.params],
  );
  return rows[0]?.at ?? null;
}
