'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCurrentActor } from '@/lib/auth/actor';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { toAppError } from '@/lib/http/errors';
import { decideAction } from '@/lib/queries/decide-action';

const input = z.object({
  ids: z.array(z.uuid()).min(1, 'select at least one action').max(100),
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1000).optional(),
});

export type BulkDecideResult =
  | { ok: true; results: { id: string; ok: boolean; status?: string; message: string }[] }
  | { ok: false; error: string };

/**
 * Bulk approve or reject. Each action is its own conditional decision and transaction, so one
 * that someone else decided first (409) or that cannot be sent as it is (400) fails alone.
 */
export async function decideActionsAction(_previous: BulkDecideResult | null, form: FormData): Promise<BulkDecideResult> {
  try {
    const actor = await requireCurrentActor('actions:decide');
    const note = form.get('note');
    const { ids, decision, note: reason } = input.parse({ ids: form.getAll('id'), decision: form.get('decision'), note: typeof note === 'string' && note ? note : undefined });
    const results: { id: string; ok: boolean; status?: string; message: string }[] = [];
    const queued: string[] = [];
    for (const id of ids) {
      try {
        const decided = await decideAction(actor, id, { decision, note: reason });
        if (decided.dispatch?.status === 'queued') queued.push(id);
        results.push({ id, ok: true, status: decided.status, message: decided.dispatch?.message ?? 'Rejected.' });
      } catch (error) {
        results.push({ id, ok: false, message: toAppError(error).message });
      }
    }
    drainSoon(queued);
    revalidatePath('/approvals');
    return { ok: true, results };
  } catch (error) {
    return { ok: false, error: toAppError(error).message };
  }
}
