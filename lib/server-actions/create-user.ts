'use server';
import { revalidatePath } from 'next/cache';
import { createUser } from '@/lib/commands/users/create-user';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { createUserSchema } from '@/lib/schemas/users';

export type CreateUserResult = ActionResult<{ email: string; generatedPassword: string | null }>;

export const createUserAction = guardedAction({ permission: 'users:manage', input: createUserSchema }, async ({ actor, input }) => {
  const created = await createUser(actor, input);
  revalidatePath('/admin/users');
  return { email: created.email, generatedPassword: created.generatedPassword };
});
