import 'server-only';
import { evaluateAlertsSoon } from '@/lib/alerts/soon';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { type Queryable, transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';

export interface UndoneAction {
  id: string;
  status: 'pending';
}

const windowClosed = (status: string) =>
  new AppError(409, 'undo_window_closed', `The time to undo this decision has passed; it is final (${status.replace('_', ' ')})`);

async function lockOutboxRow(db: Queryable, id: string, status: string): Promise<{ status: string; attempts: number } | undefined> {
  try {
    const { rows } = await db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM dispatch_outbox WHERE action_id = $1 FOR UPDATE NOWAIT',
      [id],
    );
    return rows[0];
  } catch (error) {
    // 55P03 lock_not_available: a drainer is claiming or recording it right now.
    if ((error as { code?: string }).code === '55P03') throw windowClosed(status);
    throw error;
  }
}

/**
 * Takes a decision back while its undo window is open: the action is pending again, as if no
 * one had decided, and the outbox row the decision wrote is deleted in the same transaction, so
 * nothing is ever sent for it. The action is locked first (a decision being made at this moment
 * commits before we read), then its outbox row without waiting: a row a drainer holds or has
 * claimed means the window has closed (409, the decision stands), and never waiting on a drainer
 * that waits on the action cannot deadlock. Audited as `action_undone` with what was undone.
 */
export async function undoDecision(actor: Actor, id: string): Promise<UndoneAction> {
  assertCan(actor, 'actions:decide');
  return transaction(async (db) => {
    const { rows } = await db.query<{
      status: string;
      kind: string;
      decided_by_email: string | null;
      decided_at: Date | null;
      decision_note: string | null;
      edited_payload: Record<string, unknown> | null;
      open: boolean;
    }>(
      `SELECT status, kind, decided_by_email, decided_at, decision_note, edited_payload,
              COALESCE(undo_until > clock_timestamp(), false) AS open
       FROM action WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const action = rows[0];
    if (!action) throw new AppError(404, 'not_found', `No action with id ${id}`);
    if (action.status === 'pending') throw new AppError(409, 'not_decided', 'This action has not been decided; there is nothing to undo');
    if (!action.open || !['approved', 'rejected'].includes(action.status)) throw windowClosed(action.status);
    const row = await lockOutboxRow(db, id, action.status);
    if (row) {
      // Only a row no drainer has touched: pending and never attempted, or skipped (nowhere to send).
      if (!((row.status === 'pending' && row.attempts === 0) || row.status === 'skipped')) throw windowClosed(action.status);
      await db.query('DELETE FROM dispatch_outbox WHERE action_id = $1', [id]);
    }
    await db.query(
      `UPDATE action SET status = 'pending', decided_by_id = NULL, decided_by_email = NULL, decided_at = NULL, decision_note = NULL,
              edited_payload = NULL, undo_until = NULL, updated_at = now()
       WHERE id = $1`,
      [id],
    );
    await writeAudit(db, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'action_undone',
      targetType: 'action',
      targetId: id,
      before: {
        status: action.status,
        kind: action.kind,
        decidedBy: action.decided_by_email,
        decidedAt: action.decided_at,
        note: action.decision_note,
        ...(action.edited_payload ? { payload: action.edited_payload } : {}),
        ...(row ? { outbox: row.status } : {}),
      },
      after: { status: 'pending' },
    });
    // Pending again: it may be (again) past the waiting limit.
    db.afterCommit(() => evaluateAlertsSoon(['waiting_approval']));
    return { id, status: 'pending' };
  });
}
