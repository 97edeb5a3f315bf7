'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { revokeApiToken } from '@/lib/commands/tokens/revoke-api-token';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { revokeApiTokenSchema } from '@/lib/schemas/users';

export type RevokeApiTokenResult = ActionResult<{ message: string }>;

export const revokeApiTokenAction = guardedAction({ permission: 'tokens:manage', input: revokeApiTokenSchema }, async ({ actor, input }) => {
  const revoked = await revokeApiToken(actor, input.tokenId, clientIp(await headers()));
  revalidatePath('/admin/tokens');
  return { message: `Revoked ${revoked.name}` };
});
