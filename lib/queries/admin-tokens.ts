import 'server-only';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { isRole, type Role } from '@/lib/auth/roles';
import { generateToken } from '@/lib/auth/tokens';
import { prisma, transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import type { CreateApiTokenInput } from '@/lib/schemas/users';

// API tokens as the admin page manages them. The token itself exists only in the answer to
// createApiToken; the table keeps its SHA-256 and a short prefix to recognise it by.

export interface ApiTokenListItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Null for tokens from before users existed; those are refused when used. */
  owner: { email: string; role: string } | null;
}

/** Every token, newest first, revoked ones included (the list is also their history). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenListItem[]> {
  assertCan(actor, 'tokens:manage');
  const tokens = await prisma().apiToken.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true,
      user: { select: { email: true, role: true } },
    },
  });
  return tokens.map(({ user, ...token }) => ({ ...token, owner: user }));
}

export interface TokenOwnerOption {
  id: string;
  email: string;
  role: Role;
}

/** The users a new token may act as. */
export async function listTokenOwners(actor: Actor): Promise<TokenOwnerOption[]> {
  assertCan(actor, 'tokens:manage');
  const users = await prisma().user.findMany({ orderBy: { email: 'asc' }, select: { id: true, email: true, role: true } });
  return users.map((user) => ({ ...user, role: isRole(user.role) ? user.role : 'viewer' }));
}

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
    const inserted = await client.query<{ id: string }>(
      'INSERT INTO api_token (name, token_hash, prefix, user_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.name, hash, prefix, input.userId],
    );
    const id = inserted.rows[0]?.id;
    if (!id) throw new Error('api_token insert returned no id');
    await writeAudit(client, {
      actorId: actor.userId, actorEmail: actor.email, action: 'token_created', targetType: 'api_token', targetId: id,
      after: { name: input.name, prefix, user: owner.email, role: owner.role }, ip,
    });
    return { id, name: input.name, prefix, ownerEmail: owner.email, token };
  });
}

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
      actorId: actor.userId, actorEmail: actor.email, action: 'token_revoked', targetType: 'api_token', targetId: tokenId,
      after: { name: revoked.name, prefix: revoked.prefix, user: revoked.email }, ip,
    });
    return { id: tokenId, name: revoked.name };
  });
}
