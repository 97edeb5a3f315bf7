'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCurrentActor } from '@/lib/auth/actor';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { toAppError } from '@/lib/http/errors';
import { redispatchAction } from '@/lib/queries/redispatch-action';

export type RedispatchResult = { ok: true; message: string } | { ok: false; error: string };

/** Send a failed, needs-check or never-sent action again (audited). */
export async function redispatchActionAction(_previous: RedispatchResult | null, form: FormData): Promise<RedispatchResult> {
  try {
    const actor = await requireCurrentActor('actions:decide');
    const id = z.uuid().parse(form.get('id'));
    const result = await redispatchAction(actor, id);
    drainSoon([id]);
    revalidatePath(`/approvals/${id}`);
    return { ok: true, message: result.message };
  } catch (error) {
    return { ok: false, error: toAppError(error).message };
  }
}
