'use server';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCurrentActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { toAppError } from '@/lib/http/errors';
import { describeReprocess } from '@/lib/ingest/reprocess-result';
import { reprocessAs } from '@/lib/queries/reprocess';

// The deliveries page's "Reprocess" button: one call when the form carries `callId`, else all.

const callId = z.uuid('callId must be a call id (a UUID)').optional();

export type ReprocessActionResult = { ok: boolean; message: string };

export async function reprocessAction(_previous: ReprocessActionResult | null, form: FormData): Promise<ReprocessActionResult> {
  try {
    const actor = await requireCurrentActor('deliveries:reprocess');
    const raw = form.get('callId');
    const id = callId.parse(typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined);
    const result = await reprocessAs(actor, id ? { kind: 'call', callId: id } : { kind: 'all' }, clientIp(await headers()));
    // Calls, their timelines and the delivery list all change: refresh every dashboard page.
    revalidatePath('/', 'layout');
    return { ok: true, message: describeReprocess(result) };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.status >= 500) console.error(error);
    return { ok: false, message: appError.message };
  }
}
