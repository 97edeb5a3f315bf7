'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { revokeUserSessions } from '@/lib/queries/users';
import { formError, formFields, revokeSessionsSchema } from '@/lib/schemas/users';

export type RevokeSessionsResult = { ok: true; message: string } | { ok: false; error: string };

export async function revokeSessionsAction(_previous: RevokeSessionsResult | null, form: FormData): Promise<RevokeSessionsResult> {
  try {
    const actor = await requireCurrentActor('users:manage');
    const input = revokeSessionsSchema.safeParse(formFields(form));
    if (!input.success) return { ok: false, error: formError(input.error) };
    const { email, revoked } = await revokeUserSessions(actor, input.data.userId, clientIp(await headers()));
    revalidatePath('/admin/users');
    return { ok: true, message: `Signed ${email} out of ${revoked} session${revoked === 1 ? '' : 's'}` };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, error: appError.message };
  }
}
