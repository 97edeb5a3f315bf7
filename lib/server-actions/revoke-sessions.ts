'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { revokeUserSessions } from '@/lib/commands/users/revoke-user-sessions';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { revokeSessionsSchema } from '@/lib/schemas/users';

export type RevokeSessionsResult = ActionResult<{ message: string }>;

export const revokeSessionsAction = guardedAction({ permission: 'users:manage', input: revokeSessionsSchema }, async ({ actor, input }) => {
  const { email, revoked } = await revokeUserSessions(actor, input.userId, clientIp(await headers()));
  revalidatePath('/admin/users');
  return { message: `Signed ${email} out of ${revoked} session${revoked === 1 ? '' : 's'}` };
});
