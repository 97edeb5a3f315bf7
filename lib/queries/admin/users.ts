import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { isRole, type Role } from '@/lib/auth/roles';
import { pool } from '@/lib/db';

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  activeSessions: number;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  created_at: Date;
  active_sessions: number;
}

/** Everyone who can sign in, by email, with how many unexpired sessions each holds. */
export async function listUsers(actor: Actor): Promise<UserListItem[]> {
  assertCan(actor, 'users:manage');
  const { rows } = await pool().query<UserRow>(
    `SELECT u.id, u.email, u.name, u.role, u.created_at,
            (SELECT count(*)::int FROM session s WHERE s.user_id = u.id AND s.expires_at > now()) AS active_sessions
       FROM app_user u
      ORDER BY u.email`,
  );
  // An unknown role string acts as viewer (lib/auth/actor.ts), so show it as one.
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: isRole(u.role) ? u.role : 'viewer',
    createdAt: u.created_at,
    activeSessions: u.active_sessions,
  }));
}
