import 'server-only';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import { AppError } from '@/lib/http/errors';

export type Decision = 'approve' | 'reject';

export interface DecidedAction {
  id: string;
  status: string;
  decidedByEmail: string | null;
  decidedAt: Date | null;
}

/**
 * Approves or rejects a pending action. The update only matches while the action is pending, so
 * of two people deciding at once exactly one wins; the other gets 409 naming who decided.
 * The decision and its audit row commit together.
 */
export async function decideAction(actor: Actor, id: string, decision: Decision, note?: string | null): Promise<DecidedAction> {
  assertCan(actor, 'actions:decide');
  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const { rows } = await client.query<DecidedAction & { kind: string }>(
      `UPDATE action SET status = $2, decided_by_id = $3, decided_by_email = $4, decided_at = now(), decision_note = $5, updated_at = now()
       WHERE id = $1 AND status = 'pending'
       RETURNING id, status, kind, decided_by_email AS "decidedByEmail", decided_at AS "decidedAt"`,
      [id, status, actor.userId, actor.email, note ?? null],
    );
    const decided = rows[0];
    if (!decided) {
      await client.query('ROLLBACK');
      const { rows: current } = await client.query<{ status: string; decided_by_email: string | null }>('SELECT status, decided_by_email FROM action WHERE id = $1', [id]);
      const existing = current[0];
      if (!existing) throw new AppError(404, 'not_found', `No action with id ${id}`);
      throw new AppError(409, 'already_decided', `Already ${existing.status}${existing.decided_by_email ? ` by ${existing.decided_by_email}` : ''}`);
    }
    await writeAudit(client, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: decision === 'approve' ? 'action_approved' : 'action_rejected',
      targetType: 'action',
      targetId: id,
      before: { status: 'pending' },
      after: { status, kind: decided.kind, note: note ?? null },
    });
    await client.query('COMMIT');
    return { id: decided.id, status: decided.status, decidedByEmail: decided.decidedByEmail, decidedAt: decided.decidedAt };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
