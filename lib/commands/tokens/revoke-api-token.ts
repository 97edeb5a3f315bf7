import 'server-only';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';

/** Revokes a live token; revoking twice is a 409 rather than a second audit row. */
export async function revokeApiToken(actor: Actor, tokenId: string, ip: string | null = null): Promise<{ id: string; name: string }> {
  assertCan(actor, 'tokens:manage');
  return transaction(async (client) => {
    // Conditional on still being live: of two admins revoking at once, one writes the audit row.
    const { rows } = await client.query<{ name: string; prefix: string; email: string | null }>(
      `UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL
       RETURNING name, prefix, (SELECT email FROM app_user WHERE app_user.id = api_token.user_id) AS email`,
      [tokenId],
    );
    const revoked = rows[0];
    if (!revoked) {
      const { rows: existing } = await client.query('SELECT 1 FROM api_token WHERE id = $1', [tokenId]);
      if (existing.length === 0) throw new AppError(404, 'not_found', 'That token no longer exists');
      throw new AppError(409, 'already_revoked', 'That token is already revoked');
    }
    await writeAudit(client, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'token_revoked',
      targetType: 'api_token',
      targetId: tokenId,
      after: { name: revoked.name, prefix: revoked.prefix, user: revoked.email },
      ip,
    });
    return { id: tokenId, name: revoked.name };
  });
}
