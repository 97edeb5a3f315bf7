'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { changeUserRole } from '@/lib/commands/users/change-user-role';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { changeRoleSchema } from '@/lib/schemas/users';

export type ChangeRoleResult = ActionResult<{ message: string }>;

export const changeRoleAction = guardedAction({ permission: 'users:manage', input: changeRoleSchema }, async ({ actor, input }) => {
  const change = await changeUserRole(actor, input, clientIp(await headers()));
  // The admin pages (and the header's links) depend on roles, so refresh the whole dashboard.
  revalidatePath('/', 'layout');
  return { message: change.changed ? `${change.email} is now ${change.after}` : `${change.email} is already ${change.after}` };
});
