import 'server-only';
import { randomBytes } from 'node:crypto';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { isRole, type Role } from '@/lib/auth/roles';
import { createUserRecord, UserExistsError } from '@/lib/auth/users-store';
import { prisma, transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import type { ChangeRoleInput, CreateUserInput } from '@/lib/schemas/users';

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  activeSessions: number;
}

/** Everyone who can sign in, by email, with how many unexpired sessions each holds. */
export async function listUsers(actor: Actor): Promise<UserListItem[]> {
  assertCan(actor, 'users:manage');
  const users = await prisma().user.findMany({
    orderBy: { email: 'asc' },
    select: {
      id: true, email: true, name: true, role: true, createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  });
  // An unknown role string acts as viewer (lib/auth/actor.ts), so show it as one.
  return users.map(({ _count, role, ...user }) => ({ ...user, role: isRole(role) ? role : 'viewer', activeSessions: _count.sessions }));
}

/** 144 random bits, URL-safe: typed once by the new user, then changed or kept in a manager. */
function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export interface CreatedUser {
  id: string;
  email: string;
  /** Set only when the admin left the password blank; shown once, never stored in plain text. */
  generatedPassword: string | null;
}

export async function createUser(actor: Actor, input: CreateUserInput): Promise<CreatedUser> {
  assertCan(actor, 'users:manage');
  const password = input.password ?? generatePassword();
  try {
    const { id } = await transaction((client) =>
      createUserRecord(client, { email: input.email, name: input.name, role: input.role, password }, { id: actor.userId, email: actor.email }),
    );
    return { id, email: input.email, generatedPassword: input.password ? null : password };
  } catch (error) {
    if (error instanceof UserExistsError) throw new AppError(409, 'user_exists', error.message);
    throw error;
  }
}

export interface RoleChange {
  email: string;
  before: Role;
  after: Role;
  changed: boolean;
}

/** Changes a user's role; refuses to leave the team without an admin. */
export async function changeUserRole(actor: Actor, input: ChangeRoleInput, ip: string | null = null): Promise<RoleChange> {
  assertCan(actor, 'users:manage');
  return transaction(async (client) => {
    // Lock every admin row first, always in id order: two admins demoting each other at once
    // then run one after the other, and the second sees the first's change when it counts.
    const admins = await client.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'admin' ORDER BY id FOR UPDATE`);
    const { rows } = await client.query<{ email: string; role: string }>('SELECT email, role FROM app_user WHERE id = $1 FOR UPDATE', [input.userId]);
    const user = rows[0];
    if (!user) throw new AppError(404, 'not_found', 'That user no longer exists');
    const before: Role = isRole(user.role) ? user.role : 'viewer';
    if (user.role === input.role) return { email: user.email, before, after: input.role, changed: false };
    if (user.role === 'admin' && admins.rows.length <= 1) {
      throw new AppError(
        409,
        'last_admin',
        input.userId === actor.userId
          ? 'You are the last admin. Make another user an admin before changing your own role.'
          : `${user.email} is the last admin. Make another user an admin first.`,
      );
    }
    await client.query('UPDATE app_user SET role = $2, updated_at = now() WHERE id = $1', [input.userId, input.role]);
    await writeAudit(client, {
      actorId: actor.userId, actorEmail: actor.email, action: 'role_changed', targetType: 'user', targetId: input.userId,
      before: { role: user.role }, after: { role: input.role }, ip,
    });
    return { email: user.email, before, after: input.role, changed: true };
  });
}

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
      actorId: actor.userId, actorEmail: actor.email, action: 'sessions_revoked', targetType: 'user', targetId: userId,
      after: { sessions: revoked }, ip,
    });
    return { email: user.email, revoked };
  });
}
