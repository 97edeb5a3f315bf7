'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { breakdownKeysTextSchema } from '@/lib/analytics/schema';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { setBreakdownKeys } from '@/lib/queries/settings';

export type SetBreakdownKeysResult = { ok: true; message: string } | { ok: false; error: string };

/** Form field `keys`: metadata keys, one per line (none: no key is precomputed). */
export async function setBreakdownKeysAction(_previous: SetBreakdownKeysResult | null, form: FormData): Promise<SetBreakdownKeysResult> {
  try {
    const actor = await requireCurrentActor('settings:manage');
    const raw = form.get('keys');
    const parsed = breakdownKeysTextSchema.safeParse(typeof raw === 'string' ? raw : '');
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Those keys cannot be saved' };
    const change = await setBreakdownKeys(actor, parsed.data, clientIp(await headers()));
    // The analytics page offers these keys in its picker.
    revalidatePath('/settings');
    revalidatePath('/analytics');
    const now = parsed.data.length ? `Credits are now precomputed by ${parsed.data.join(', ')}` : 'No metadata key is precomputed now';
    return { ok: true, message: change.changed ? now : 'Nothing changed' };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, error: appError.message };
  }
}
