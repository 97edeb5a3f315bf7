'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { changeUserRole } from '@/lib/queries/users';
import { changeRoleSchema, formError, formFields } from '@/lib/schemas/users';

export type ChangeRoleResult = { ok: true; message: string } | { ok: false; error: string };

export async function changeRoleAction(_previous: ChangeRoleResult | null, form: FormData): Promise<ChangeRoleResult> {
  try {
    const actor = await requireCurrentActor('users:manage');
    const input = changeRoleSchema.safeParse(formFields(form));
    if (!input.success) return { ok: false, error: formError(input.error) };
    const change = await changeUserRole(actor, input.data, clientIp(await headers()));
    // The admin pages (and the header's links) depend on roles, so refresh the whole dashboard.
    revalidatePath('/', 'layout');
    return { ok: true, message: change.changed ? `${change.email} is now ${change.after}` : `${change.email} is already ${change.after}` };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, error: appError.message };
  }
}
