'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCurrentActor } from '@/lib/auth/actor';
import { toAppError } from '@/lib/http/errors';
import { markActionSent } from '@/lib/queries/mark-action-sent';

export type MarkSentResult = { ok: true; message: string } | { ok: false; error: string };

const input = z.object({ id: z.uuid(), reference: z.string().trim().max(500).optional() });

/** A person checked the destination and found the needs-check action did arrive (audited). */
export async function markActionSentAction(_previous: MarkSentResult | null, form: FormData): Promise<MarkSentResult> {
  try {
    const actor = await requireCurrentActor('actions:decide');
    const reference = form.get('reference');
    const { id, reference: ref } = input.parse({ id: form.get('id'), reference: typeof reference === 'string' && reference ? reference : undefined });
    await markActionSent(actor, id, ref ?? null);
    revalidatePath(`/approvals/${id}`);
    return { ok: true, message: 'Marked as sent.' };
  } catch (error) {
    return { ok: false, error: toAppError(error).message };
  }
}
