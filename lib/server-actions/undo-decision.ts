'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { undoDecision } from '@/lib/commands/actions/undo';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';

const input = z.object({ id: z.uuid() });

export type UndoResult = ActionResult<{ status: 'pending' }>;

/**
 * Undo a decision from the queue's toast (form field `id`) while its window is open: the action
 * is pending again and nothing is sent. After the window: `{ ok: false, error }` saying it is final.
 */
export const undoDecisionAction = guardedAction(
  { permission: 'actions:decide', input, fields: (form) => ({ id: form.get('id') }) },
  async ({ actor, input: { id } }) => {
    const undone = await undoDecision(actor, id);
    revalidatePath('/approvals');
    return { status: undone.status };
  },
);
