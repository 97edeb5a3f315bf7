import { randomBytes } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { writeAudit } from '@/lib/audit';
import type { Queryable } from '@/lib/db';
import type { Role } from './roles';

// Creates users the way Better Auth stores them (a user row plus a "credential" account holding
// the password hash), so Better Auth signs them in. Plain pg, so the CLI, the start-up bootstrap,
// `npm run dev` and the admin page share one path. Public sign-up is off: this is the only way in.

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  password: string;
}

export class UserExistsError extends Error {}

export async function createUserRecord(db: Queryable, user: NewUser, actor?: { id: string; email: string } | null): Promise<{ id: string }> {
  const email = user.email.trim().toLowerCase();
  const id = randomBytes(16).toString('hex');
  const hash = await hashPassword(user.password);
  const inserted = await db.query(
    `INSERT INTO app_user (id, name, email, email_verified, role) VALUES ($1, $2, $3, true, $4)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [id, user.name?.trim() || email.split('@')[0], email, user.role],
  );
  if (inserted.rowCount === 0) throw new UserExistsError(`A user with email ${email} already exists`);
  await db.query(`INSERT INTO account (id, account_id, provider_id, user_id, password) VALUES ($1, $2, 'credential', $2, $3)`, [
    randomBytes(16).toString('hex'),
    id,
    hash,
  ]);
  await writeAudit(db, {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? 'system',
    action: 'user_created',
    targetType: 'user',
    targetId: id,
    after: { email, role: user.role },
  });
  return { id };
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
  return rows[0]?.n ?? 0;
}

/** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when nobody exists yet. */
export async function bootstrapAdmin(db: Queryable, email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password || (await countUsers(db)) > 0) return false;
  try {
    await createUserRecord(db, { email, password, role: 'admin', name: 'Admin' });
    return true;
  } catch (error) {
    if (error instanceof UserExistsError) return false; // another instance won the race
    throw error;
  }
}
