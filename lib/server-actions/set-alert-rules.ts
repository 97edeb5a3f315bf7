'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { alertRulesFromForm } from '@/lib/alerts/form';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { setAlertRules } from '@/lib/commands/alerts/set-alert-rules';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';

export type SetAlertRulesResult = ActionResult<{ message: string }>;

/**
 * The Settings card's form (lib/alerts/form.ts reads it); admins only, audited. setAlertRules
 * validates, so a refusal names the field as the API's does (`waitingApproval.minutes: …`).
 */
export const setAlertRulesAction = guardedAction(
  { permission: 'settings:manage', input: z.unknown(), fields: alertRulesFromForm },
  async ({ actor, input }) => {
    const change = await setAlertRules(actor, input, clientIp(await headers()));
    revalidatePath('/settings');
    return { message: change.changed ? 'Saved: the next evaluation (within a minute) uses these rules' : 'Nothing changed' };
  },
);
