import 'server-only';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { isRole, type Role } from '@/lib/auth/roles';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import type { ChangeRoleInput } from '@/lib/schemas/users';

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
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'role_changed',
      targetType: 'user',
      targetId: input.userId,
      before: { role: user.role },
      after: { role: input.role },
      ip,
    });
    return { email: user.email, before, after: input.role, changed: true };
  });
}
