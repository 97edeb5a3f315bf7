'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { revokeApiToken } from '@/lib/queries/admin-tokens';
import { formError, formFields, revokeApiTokenSchema } from '@/lib/schemas/users';

export type RevokeApiTokenResult = { ok: true; message: string } | { ok: false; error: string };

export async function revokeApiTokenAction(_previous: RevokeApiTokenResult | null, form: FormData): Promise<RevokeApiTokenResult> {
  try {
    const actor = await requireCurrentActor('tokens:manage');
    const input = revokeApiTokenSchema.safeParse(formFields(form));
    if (!input.success) return { ok: false, error: formError(input.error) };
    const revoked = await revokeApiToken(actor, input.data.tokenId, clientIp(await headers()));
    revalidatePath('/admin/tokens');
    return { ok: true, message: `Revoked ${revoked.name}` };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, error: appError.message };
  }
}
