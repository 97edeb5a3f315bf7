'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCurrentActor } from '@/lib/auth/actor';
import { toAppError } from '@/lib/http/errors';
import { decideAction } from '@/lib/queries/decide-action';

const input = z.object({ id: z.uuid(), decision: z.enum(['approve', 'reject']), note: z.string().trim().max(1000).optional() });

export type DecideResult = { ok: true; status: string } | { ok: false; error: string };

export async function decideActionAction(_previous: DecideResult | null, form: FormData): Promise<DecideResult> {
  try {
    const actor = await requireCurrentActor('actions:decide');
    const { id, decision, note } = input.parse({ id: form.get('id'), decision: form.get('decision'), note: form.get('note') || undefined });
    const decided = await decideAction(actor, id, decision, note);
    revalidatePath('/approvals');
    return { ok: true, status: decided.status };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, error: appError.message };
  }
}
