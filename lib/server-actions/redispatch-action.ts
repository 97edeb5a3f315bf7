'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { redispatchAction } from '@/lib/commands/actions/redispatch';
import { type ActionResult, guardedAction } from '@/lib/handlers/action';

export type RedispatchResult = ActionResult<{ message: string }>;

/** Send a failed, needs-check or never-sent action again (audited). */
export const redispatchActionAction = guardedAction({ permission: 'actions:decide', input: z.object({ id: z.uuid() }) }, async ({ actor, input: { id } }) => {
  const result = await redispatchAction(actor, id);
  revalidatePath(`/approvals/${id}`);
  return { message: result.message };
});
