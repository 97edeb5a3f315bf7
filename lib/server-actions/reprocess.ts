'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { reprocessAs } from '@/lib/commands/deliveries/reprocess';
import { guardedAction } from '@/lib/handlers/action';
import { describeReprocess } from '@/lib/ingest/reprocess-result';

// The Reprocess buttons (admins): on a call page the form carries `callId` (that call), on a
// delivery `deliveryId` (that delivery); a form with neither reprocesses everything.

const input = z.object({
  callId: z.uuid('callId must be a call id (a UUID)').optional(),
  deliveryId: z.uuid('deliveryId must be a delivery id (a UUID)').optional(),
});
const field = (form: FormData, name: string) => {
  const raw = form.get(name);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
};

export type ReprocessActionResult = { ok: boolean; message: string };

const reprocess = guardedAction(
  { permission: 'deliveries:reprocess', input, fields: (form) => ({ callId: field(form, 'callId'), deliveryId: field(form, 'deliveryId') }) },
  async ({ actor, input: { callId, deliveryId } }) => {
    const scope = callId ? { kind: 'call' as const, callId } : deliveryId ? { kind: 'delivery' as const, deliveryId } : { kind: 'all' as const };
    const result = await reprocessAs(actor, scope, clientIp(await headers()));
    // Calls, their timelines and the delivery list all change: refresh every dashboard page.
    revalidatePath('/', 'layout');
    return { message: describeReprocess(result) };
  },
);

/** The button shows one line either way, so a refusal answers with `message` too. */
export async function reprocessAction(_previous: ReprocessActionResult | null, form: FormData): Promise<ReprocessActionResult> {
  const result = await reprocess(null, form);
  return result.ok ? result : { ok: false, message: result.error };
}
