'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { createApiToken } from '@/lib/commands/tokens/create-api-token';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { createApiTokenSchema } from '@/lib/schemas/users';

// The plaintext token travels to the browser once, in this answer; only its hash is stored.
export type CreateApiTokenResult = ActionResult<{ token: string; name: string; prefix: string; ownerEmail: string }>;

export const createApiTokenAction = guardedAction({ permission: 'tokens:manage', input: createApiTokenSchema }, async ({ actor, input }) => {
  const created = await createApiToken(actor, input, clientIp(await headers()));
  revalidatePath('/admin/tokens');
  return { token: created.token, name: created.name, prefix: created.prefix, ownerEmail: created.ownerEmail };
});
