'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { setTeamTimeZone } from '@/lib/commands/settings/set-team-time-zone';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { isTimeZone } from '@/lib/time-zone';

export type SetTimeZoneResult = ActionResult<{ message: string }>;

// An IANA zone, or empty for "each person's browser zone" (null).
const input = z
  .string()
  .trim()
  .refine((value) => !value || isTimeZone(value), { error: (issue) => `${String(issue.input)} is not a time zone Callboard knows` })
  .transform((value) => value || null);

/** Form field `timeZone`: an IANA zone, or empty for "each person's browser zone". */
export const setTimeZoneAction = guardedAction(
  {
    permission: 'settings:manage',
    input,
    fields: (form) => {
      const raw = form.get('timeZone');
      return typeof raw === 'string' ? raw : '';
    },
  },
  async ({ actor, input: timeZone }) => {
    const change = await setTeamTimeZone(actor, timeZone, clientIp(await headers()));
    // Every dashboard page shows dates in this zone.
    revalidatePath('/', 'layout');
    const now = change.after ? `Dates now show in ${change.after}` : "Dates now show in each person's browser time zone";
    return { message: change.changed ? now : 'Nothing changed' };
  },
);
