import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { isRole, type Role } from '@/lib/auth/roles';
import { pool } from '@/lib/db';

// API tokens as the admin page lists them. The token itself exists only in the answer to
// createApiToken (lib/commands/tokens); the table keeps its SHA-256 and a short prefix.

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

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  owner_email: string | null;
  owner_role: string | null;
}

/** Every token, newest first, revoked ones included (the list is also their history). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenListItem[]> {
  assertCan(actor, 'tokens:manage');
  const { rows } = await pool().query<TokenRow>(
    `SELECT t.id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at, u.email AS owner_email, u.role AS owner_role
       FROM api_token t LEFT JOIN app_user u ON u.id = t.user_id
      ORDER BY t.created_at DESC, t.id DESC`,
  );
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at,
    lastUsedAt: t.last_used_at,
    revokedAt: t.revoked_at,
    owner: t.owner_email === null || t.owner_role === null ? null : { email: t.owner_email, role: t.owner_role },
  }));
}

export interface TokenOwnerOption {
  id: string;
  email: string;
  role: Role;
}

/** The users a new token may act as. */
export async function listTokenOwners(actor: Actor): Promise<TokenOwnerOption[]> {
  assertCan(actor, 'tokens:manage');
  const { rows } = await pool().query<{ id: string; email: string; role: string }>('SELECT id, email, role FROM app_user ORDER BY email');
  return rows.map((user) => ({ ...user, role: isRole(user.role) ? user.role : 'viewer' }));
}
