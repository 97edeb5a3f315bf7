'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { setTeamTimeZone } from '@/lib/queries/settings';
import { isTimeZone } from '@/lib/time-zone';

export type SetTimeZoneResult = { ok: true; message: string } | { ok: false; error: string };

/** Form field `timeZone`: an IANA zone, or empty for "each person's browser zone". */
export async function setTimeZoneAction(_previous: SetTimeZoneResult | null, form: FormData): Promise<SetTimeZoneResult> {
  try {
    const actor = await requireCurrentActor('settings:manage');
    const raw = form.get('timeZone');
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value && !isTimeZone(value)) return { ok: false, error: `${value} is not a time zone Callboard knows` };
    const change = await setTeamTimeZone(actor, value || null, clientIp(await headers()));
    // Every dashboard page shows dates in this zone.
    revalidatePath('/', 'layout');
    const now = change.after ? `Dates now show in ${change.after}` : "Dates now show in each person's browser time zone";
    return { ok: true, message: change.changed ? now : 'Nothing changed' };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, error: appError.message };
  }
}
