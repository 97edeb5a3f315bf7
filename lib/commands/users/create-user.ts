import 'server-only';
import { randomBytes } from 'node:crypto';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { createUserRecord, UserExistsError } from '@/lib/auth/users-store';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import type { CreateUserInput } from '@/lib/schemas/users';

// The audit row is written by createUserRecord, inside the same transaction.

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
