import 'server-only';
import { ALERT_COLUMNS, type AlertRow } from '@/lib/alerts/record';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { type AlertItem, alertItem } from '@/lib/queries/alerts/list';

/**
 * Says someone is on it: the alert records who and when (audited). Acknowledging does not close
 * it; it resolves when its condition ends. An alert already acknowledged is returned as it is
 * (the first person keeps it, no second audit row).
 */
export async function acknowledgeAlert(actor: Actor, id: string, ip: string | null = null): Promise<AlertItem> {
  assertCan(actor, 'actions:decide');
  return transaction(async (db) => {
    const { rows } = await db.query<AlertRow>(
      `UPDATE alert SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL RETURNING ${ALERT_COLUMNS}`,
      [id, actor.email],
    );
    const row = rows[0];
    if (!row) {
      const { rows: current } = await db.query<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alert WHERE id = $1`, [id]);
      if (!current[0]) throw new AppError(404, 'not_found', `No alert with id ${id}`);
      return alertItem(current[0]);
    }
    await writeAudit(db, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'alert_acknowledged',
      targetType: 'alert',
      targetId: id,
      before: { acknowledgedAt: null },
      after: { rule: row.rule, subject: row.subject, state: row.state, title: row.title },
      ip,
    });
    return alertItem(row);
  });
}
