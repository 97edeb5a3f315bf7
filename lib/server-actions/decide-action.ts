'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { decideAction } from '@/lib/commands/actions/decide';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { decisionSchema, payloadJsonField, templateInputField } from '@/lib/schemas/actions';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const input = z.object({ id: z.uuid(), payload: payloadJsonField.optional(), template: templateInputField.optional() });

/** `undoUntil` (ISO): until then `undoDecisionAction` can take the decision back and nothing is sent. */
export type DecideResult = ActionResult<{ status: string; message: string; undoUntil: string }>;

/**
 * Approve (optionally with an edited payload as JSON, or a WhatsApp template: a name or {name, language, parameters} as JSON) or reject, from the
 * queue. A rejection needs a reason that is not blank (`{ ok: false }` saying so).
 */
export const decideActionAction = guardedAction(
  { permission: 'actions:decide', input, fields: (form) => ({ id: form.get('id'), payload: field(form, 'payload'), template: field(form, 'template') }) },
  async ({ actor, input: { id, payload, template }, form }) => {
    const decision = decisionSchema.parse({ decision: form.get('decision'), note: field(form, 'note'), payload, template });
    const decided = await decideAction(actor, id, decision);
    revalidatePath('/approvals');
    return { status: decided.status, message: decided.dispatch?.message ?? 'Rejected.', undoUntil: decided.undoUntil.toISOString() };
  },
);
