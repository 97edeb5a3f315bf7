'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { describeReprocess } from '@/lib/ingest/reprocess-result';
import { reprocessAs } from '@/lib/queries/reprocess';

// The Reprocess buttons (admins): on a call page the form carries `callId` (that call), on a
// delivery `deliveryId` (that delivery); a form with neither reprocesses everything.

const callId = z.uuid('callId must be a call id (a UUID)').optional();
const deliveryId = z.uuid('deliveryId must be a delivery id (a UUID)').optional();
const field = (form: FormData, name: string) => {
  const raw = form.get(name);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
};

export type ReprocessActionResult = { ok: boolean; message: string };

export async function reprocessAction(_previous: ReprocessActionResult | null, form: FormData): Promise<ReprocessActionResult> {
  try {
    const actor = await requireCurrentActor('deliveries:reprocess');
    const call = callId.parse(field(form, 'callId'));
    const delivery = deliveryId.parse(field(form, 'deliveryId'));
    const scope = call ? { kind: 'call' as const, callId: call } : delivery ? { kind: 'delivery' as const, deliveryId: delivery } : { kind: 'all' as const };
    const result = await reprocessAs(actor, scope, clientIp(await headers()));
    // Calls, their timelines and the delivery list all change: refresh every dashboard page.
    revalidatePath('/', 'layout');
    return { ok: true, message: describeReprocess(result) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, message: appError.message };
  }
}
