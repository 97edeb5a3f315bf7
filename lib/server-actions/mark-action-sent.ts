'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { markActionSent } from '@/lib/commands/actions/mark-sent';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';

export type MarkSentResult = ActionResult<{ message: string }>;

const input = z.object({ id: z.uuid(), reference: z.string().trim().max(500).optional() });

/** A person checked the destination and found the needs-check action did arrive (audited). */
export const markActionSentAction = guardedAction({ permission: 'actions:decide', input }, async ({ actor, input: { id, reference } }) => {
  await markActionSent(actor, id, reference ?? null);
  revalidatePath(`/approvals/${id}`);
  return { message: 'Marked as sent.' };
});
