'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { decideAction, reasonRequired } from '@/lib/commands/actions/decide';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';
import { toAppError } from '@/lib/http/errors';

const input = z.object({
  ids: z.array(z.uuid()).min(1, 'select at least one action').max(100),
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1000).optional(),
});

/** `undoUntil` (ISO) on each decided one: until then `undoDecisionAction` can take it back. */
type Outcome = { id: string; ok: boolean; status?: string; message: string; undoUntil?: string };
export type BulkDecideResult = ActionResult<{ results: Outcome[] }>;

/**
 * Bulk approve or reject. Each action is its own conditional decision and transaction, so one
 * that someone else decided first (409) or that cannot be sent as it is (400) fails alone. A
 * rejection without a reason (blank counts as none) is refused whole, before any is decided.
 */
export const decideActionsAction = guardedAction(
  {
    permission: 'actions:decide',
    input,
    fields: (form) => {
      const note = form.get('note');
      return { ids: form.getAll('id'), decision: form.get('decision'), note: typeof note === 'string' && note ? note : undefined };
    },
  },
  async ({ actor, input: { ids, decision, note } }) => {
    if (decision === 'reject' && !note) throw reasonRequired();
    const results: Outcome[] = [];
    for (const id of ids) {
      try {
        const decided = await decideAction(actor, id, { decision, note });
        results.push({ id, ok: true, status: decided.status, message: decided.dispatch?.message ?? 'Rejected.', undoUntil: decided.undoUntil.toISOString() });
      } catch (error) {
        results.push({ id, ok: false, message: toAppError(error).message });
      }
    }
    revalidatePath('/approvals');
    return { results };
  },
);
