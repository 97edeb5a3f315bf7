import 'server-only';
import { evaluateAlertsSoon } from '@/lib/alerts/soon';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';

/**
 * Closes a needs-check action after a person found that it did arrive (the order exists, the
 * message was delivered): the alternative to sending it again. Conditional and audited.
 */
export async function markActionSent(actor: Actor, id: string, reference: string | null): Promise<{ id: string; status: 'dispatched' }> {
  assertCan(actor, 'actions:decide');
  return transaction(async (db) => {
    const updated = await db.query(
      `UPDATE dispatch_outbox SET status = 'sent', sent_at = now(), response_id = COALESCE($2, response_id), updated_at = now()
       WHERE action_id = $1 AND status = 'needs_check'`,
      [id, reference],
    );
    if (updated.rowCount !== 1) {
      const { rows } = await db.query<{ status: string | null }>(
        'SELECT o.status FROM action a LEFT JOIN dispatch_outbox o ON o.action_id = a.id WHERE a.id = $1',
        [id],
      );
      if (!rows[0]) throw new AppError(404, 'not_found', `No action with id ${id}`);
      throw new AppError(
        409,
        'not_needs_check',
        `Only an action that needs checking can be marked as sent; this one is ${rows[0].status?.replace('_', ' ') ?? 'not sent anywhere'}`,
      );
    }
    await db.query(`UPDATE action SET status = 'dispatched', updated_at = now() WHERE id = $1`, [id]);
    await writeAudit(db, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'action_marked_sent',
      targetType: 'action',
      targetId: id,
      before: { status: 'needs_check' },
      after: { status: 'dispatched', reference },
    });
    // Marked sent: its failed-dispatch alert can end.
    db.afterCommit(() => evaluateAlertsSoon(['dispatch_failed']));
    return { id, status: 'dispatched' };
  });
}
