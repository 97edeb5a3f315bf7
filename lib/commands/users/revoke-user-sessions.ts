import 'server-only';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';

/** Signs a user out everywhere: sessions are looked up in the database on every request. */
export async function revokeUserSessions(actor: Actor, userId: string, ip: string | null = null): Promise<{ email: string; revoked: number }> {
  assertCan(actor, 'users:manage');
  return transaction(async (client) => {
    const { rows } = await client.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]);
    const user = rows[0];
    if (!user) throw new AppError(404, 'not_found', 'That user no longer exists');
    const { rowCount } = await client.query('DELETE FROM session WHERE user_id = $1', [userId]);
    const revoked = rowCount ?? 0;
    await writeAudit(client, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'sessions_revoked',
      targetType: 'user',
      targetId: userId,
      after: { sessions: revoked },
      ip,
    });
    return { email: user.email, revoked };
  });
}
