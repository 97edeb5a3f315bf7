import 'server-only';
import { evaluateAlertsSoon } from '@/lib/alerts/soon';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { transaction } from '@/lib/db';
import { type DispatchConfig, destinationFor, destinationLabel, dispatchConfig } from '@/lib/dispatch/config';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { notConfiguredMessage } from '@/lib/dispatch/plan';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';

export interface Redispatched {
  id: string;
  status: 'approved';
  destination: string;
  message: string;
}

/**
 * Puts a failed, needs-check or never-sent (no destination at the time) action back in the
 * outbox, with the same key: a destination that dedupes or can be searched by it still sees one
 * action. Conditional on the outbox status, audited, and the attempt budget starts afresh;
 * sending starts after the commit.
 */
export async function redispatchAction(actor: Actor, id: string, config: DispatchConfig = dispatchConfig(env())): Promise<Redispatched> {
  assertCan(actor, 'actions:decide');
  return transaction(async (db) => {
    const { rows } = await db.query<{
      status: string;
      kind: string;
      attempts: number;
      last_error: string | null;
      action_status: string;
      not_before: Date;
    }>(
      `SELECT o.status, o.kind, o.attempts, o.last_error, a.status AS action_status, GREATEST(now(), COALESCE(a.undo_until, now())) AS not_before
       FROM action a LEFT JOIN dispatch_outbox o ON o.action_id = a.id WHERE a.id = $1`,
      [id],
    );
    const current = rows[0];
    if (!current) throw new AppError(404, 'not_found', `No action with id ${id}`);
    if (!current.status) throw new AppError(409, 'nothing_to_send', `This action has nothing to send (it is ${current.action_status})`);
    const destination = destinationFor(current.kind, config);
    if (!destination) throw new AppError(409, 'not_configured', notConfiguredMessage(current.kind));
    const updated = await db.query(
      // Not before the decision's undo window closes (a never-sent action sent again inside it).
      `UPDATE dispatch_outbox SET status = 'pending', destination = $2, attempts = 0, next_attempt_at = $3, last_error = NULL,
              lease_until = NULL, lease_token = NULL, updated_at = now()
       WHERE action_id = $1 AND status IN ('failed', 'needs_check', 'skipped')`,
      [id, destination, current.not_before],
    );
    if (updated.rowCount !== 1) {
      throw new AppError(
        409,
        'not_redispatchable',
        `Only failed, needs-check or unsent actions can be sent again; this one is ${current.status.replace('_', ' ')}`,
      );
    }
    await db.query(`UPDATE action SET status = 'approved', updated_at = now() WHERE id = $1`, [id]);
    await writeAudit(db, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'action_redispatched',
      targetType: 'action',
      targetId: id,
      before: { status: current.action_status, outbox: current.status, attempts: current.attempts, lastError: current.last_error },
      after: { status: 'approved', outbox: 'pending', destination },
    });
    db.afterCommit(() => drainSoon([id], current.not_before));
    // Queued again: its failed-dispatch alert can end.
    db.afterCommit(() => evaluateAlertsSoon(['dispatch_failed']));
    return { id, status: 'approved', destination, message: `Queued again; sending to ${destinationLabel(current.kind, config)}.` };
  });
}
