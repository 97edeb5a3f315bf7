'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { createApiToken } from '@/lib/queries/admin-tokens';
import { createApiTokenSchema, formError, formFields } from '@/lib/schemas/users';

// The plaintext token travels to the browser once, in this answer; only its hash is stored.
export type CreateApiTokenResult =
  | { ok: true; token: string; name: string; prefix: string; ownerEmail: string }
  | { ok: false; error: string };

export async function createApiTokenAction(_previous: CreateApiTokenResult | null, form: FormData): Promise<CreateApiTokenResult> {
  try {
    const actor = await requireCurrentActor('tokens:manage');
    const input = createApiTokenSchema.safeParse(formFields(form));
    if (!input.success) return { ok: false, error: formError(input.error) };
    const created = await createApiToken(actor, input.data, clientIp(await headers()));
    revalidatePath('/admin/tokens');
    return { ok: true, token: created.token, name: created.name, prefix: created.prefix, ownerEmail: created.ownerEmail };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, error: appError.message };
  }
}
