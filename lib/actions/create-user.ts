'use server';
import { revalidatePath } from 'next/cache';
import { requireCurrentActor } from '@/lib/auth/actor';
import { toAppError } from '@/lib/http/errors';
import { createUser } from '@/lib/queries/users';
import { createUserSchema, formError, formFields } from '@/lib/schemas/users';

export type CreateUserResult =
  | { ok: true; email: string; generatedPassword: string | null }
  | { ok: false; error: string };

export async function createUserAction(_previous: CreateUserResult | null, form: FormData): Promise<CreateUserResult> {
  try {
    const actor = await requireCurrentActor('users:manage');
    const input = createUserSchema.safeParse(formFields(form));
    if (!input.success) return { ok: false, error: formError(input.error) };
    const created = await createUser(actor, input.data);
    revalidatePath('/admin/users');
    return { ok: true, email: created.email, generatedPassword: created.generatedPassword };
  } catch (error) {
    // Expected refusals (401, 403, 409) carry a message for people; anything else is logged here
    // and reaches the form as a generic message.
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, error: appError.message };
  }
}
