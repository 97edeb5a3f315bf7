'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { ZodError } from 'zod';
import { z } from 'zod';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { setWhatsappTemplates } from '@/lib/commands/settings/set-whatsapp-templates';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { AppError } from '@/lib/http/errors';
import { storableTemplatesSchema } from '@/lib/schemas/settings';

export type SetWhatsappTemplatesResult = ActionResult<{ message: string }>;

/** "Template 2 (address_needed), params: The body has 2 placeholder(s) …" for each problem. */
function describeProblems(error: ZodError, list: unknown): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const [index, ...field] = issue.path;
      if (typeof index !== 'number') return issue.message;
      const name = Array.isArray(list) ? (list[index] as { name?: unknown } | undefined)?.name : undefined;
      const which = `Template ${index + 1}${typeof name === 'string' && name.trim() ? ` (${name.trim()})` : ''}`;
      return `${which}${field.length ? `, ${field.join('.')}` : ''}: ${issue.message}`;
    })
    .join('. ');
}

/**
 * Form field `templates`: the whole list as JSON (the editor on Settings writes it); or `reset`
 * to drop the saved list, so WHATSAPP_TEMPLATES seeds it again.
 */
export const setWhatsappTemplatesAction = guardedAction(
  {
    permission: 'settings:manage',
    input: z.object({ reset: z.boolean(), templates: z.string() }),
    fields: (form) => ({ reset: form.get('reset') !== null, templates: String(form.get('templates') ?? '') }),
  },
  async ({ actor, input }) => {
    let templates = null;
    if (!input.reset) {
      let raw: unknown;
      try {
        raw = JSON.parse(input.templates);
      } catch {
        throw new AppError(400, 'invalid_request', 'The templates could not be read: reload the page and try again');
      }
      const parsed = storableTemplatesSchema.safeParse(raw);
      if (!parsed.success) throw new AppError(400, 'invalid_request', describeProblems(parsed.error, raw));
      templates = parsed.data;
    }
    const change = await setWhatsappTemplates(actor, templates, clientIp(await headers()));
    revalidatePath('/settings');
    // The approvals queue and the action pages offer these templates.
    revalidatePath('/approvals');
    if (!change.changed) return { message: 'Nothing changed' };
    if (templates === null) return { message: 'Back to the WHATSAPP_TEMPLATES names' };
    return { message: `Saved ${templates.length} template${templates.length === 1 ? '' : 's'}` };
  },
);
