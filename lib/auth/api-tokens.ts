import 'server-only';
import { pool } from '@/lib/db';
import { isRole, type Role } from './roles';

// Auth owns its token store: the lookup behind `Authorization: Bearer <token>`.

interface TokenRow {
  id: string;
  last_used_at: Date | null;
  user_id: string;
  email: string;
  role: string;
}

/** The user a live token acts for, marking the token used (at most once a minute, to spare writes). */
export async function findTokenUser(hash: string): Promise<{ userId: string; email: string; role: Role } | null> {
  const { rows } = await pool().query<TokenRow>(
    `SELECT t.id, t.last_used_at, u.id AS user_id, u.email, u.role
       FROM api_token t JOIN app_user u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hash],
  );
  const token = rows[0];
  if (!token || !isRole(token.role)) return null;
  if (!token.last_used_at || Date.now() - token.last_used_at.getTime() > 60_000) {
    await pool().query('UPDATE api_token SET last_used_at = now() WHERE id = $1', [token.id]);
  }
  return { userId: token.user_id, email: token.email, role: token.role };
}
