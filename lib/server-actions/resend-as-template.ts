'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { resendAsTemplate } from '@/lib/commands/actions/resend-as-template';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { templateInputField } from '@/lib/schemas/actions';

export type ResendResult = ActionResult<{ message: string }>;

/** Send a failed WhatsApp message again as a template (audited); `template` is JSON {name, language, parameters} or a name. */
export const resendAsTemplateAction = guardedAction(
  { permission: 'actions:decide', input: z.object({ id: z.uuid(), template: templateInputField.optional() }) },
  async ({ actor, input: { id, template } }) => {
    const result = await resendAsTemplate(actor, id, { template });
    revalidatePath(`/approvals/${id}`);
    return { message: result.message };
  },
);
