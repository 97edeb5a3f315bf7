import type { Queryable } from '@/lib/db';
import { recordOutbound } from '@/lib/whatsapp/outbound';
import { reconcileMessage } from '@/lib/whatsapp/reconcile';
import type { SentContext } from '../types';

/** The Cloud API name of this kind's own destination. */
export const WHATSAPP_CLOUD = 'whatsapp_cloud';

/**
 * The Cloud API accepted the message and named it (its wamid): keep it beside the customer's
 * replies, then apply any status Meta sent before the outbox recorded the id (the webhook could
 * not find its action yet). The team's own endpoint returns no wamid, so nothing happens there.
 */
export async function afterSentWhatsapp(db: Queryable, ctx: SentContext): Promise<void> {
  if (ctx.destination !== WHATSAPP_CLOUD || !ctx.config.whatsappCloud) return;
  const number = typeof ctx.payload.number === 'string' ? ctx.payload.number : '';
  if (number.replace(/\D/g, '')) {
    await recordOutbound(db, {
      wamid: ctx.responseId,
      businessPhoneId: ctx.config.whatsappCloud.phoneNumberId,
      number,
      actionId: ctx.actionId,
      sentAt: ctx.now,
      payload: ctx.payload,
    });
  }
  await reconcileMessage(db, ctx.responseId, { now: ctx.now, retryDelayMs: ctx.retryDelayMs });
}
