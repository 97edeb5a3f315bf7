'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCurrentActor } from '@/lib/auth/actor';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { toAppError } from '@/lib/http/errors';
import { decideAction } from '@/lib/queries/decide-action';
import { decisionSchema, payloadJsonField } from '@/lib/schemas/actions';

const input = z.object({ id: z.uuid(), payload: payloadJsonField.optional() });

export type DecideResult = { ok: true; status: string; message: string } | { ok: false; error: string };

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Approve (optionally with an edited payload as JSON, or a WhatsApp template) or reject, from the queue. */
export async function decideActionAction(_previous: DecideResult | null, form: FormData): Promise<DecideResult> {
  try {
    const actor = await requireCurrentActor('actions:decide');
    const { id, payload } = input.parse({ id: form.get('id'), payload: field(form, 'payload') });
    const decision = decisionSchema.parse({ decision: form.get('decision'), note: field(form, 'note'), payload, template: field(form, 'template') });
    const decided = await decideAction(actor, id, decision);
    if (decided.dispatch?.status === 'queued') drainSoon([id]);
    revalidatePath('/approvals');
    return { ok: true, status: decided.status, message: decided.dispatch?.message ?? 'Rejected.' };
  } catch (error) {
    return { ok: false, error: toAppError(error).message };
  }
}
