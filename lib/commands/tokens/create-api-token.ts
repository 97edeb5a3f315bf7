import 'server-only';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { generateToken } from '@/lib/auth/tokens';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import type { CreateApiTokenInput } from '@/lib/schemas/users';

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  ownerEmail: string;
  /** The plaintext token: returned this once, never stored. */
  token: string;
}

export async function createApiToken(actor: Actor, input: CreateApiTokenInput, ip: string | null = null): Promise<CreatedApiToken> {
  assertCan(actor, 'tokens:manage');
  const { token, hash, prefix } = generateToken();
  return transaction(async (client) => {
    // FOR SHARE: the owner cannot be deleted between this check and the insert.
    const { rows } = await client.query<{ email: string; role: string }>('SELECT email, role FROM app_user WHERE id = $1 FOR SHARE', [input.userId]);
    const owner = rows[0];
    if (!owner) throw new AppError(404, 'not_found', 'That user no longer exists');
    const inserted = await client.query<{ id: string }>('INSERT INTO api_token (name, token_hash, prefix, user_id) VALUES ($1, $2, $3, $4) RETURNING id', [
      input.name,
      hash,
      prefix,
      input.userId,
    ]);
    const id = inserted.rows[0]?.id;
    if (!id) throw new Error('api_token insert returned no id');
    await writeAudit(client, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'token_created',
      targetType: 'api_token',
      targetId: id,
      after: { name: input.name, prefix, user: owner.email, role: owner.role },
      ip,
    });
    return { id, name: input.name, prefix, ownerEmail: owner.email, token };
  });
}
