import 'server-only';
import { CREATE_ORDER } from '@/lib/action-kinds/create-order/id';
import { SEND_WHATSAPP } from '@/lib/action-kinds/send-whatsapp/id';
import { type TemplateFacts, templateFacts } from '@/lib/action-kinds/send-whatsapp/parameters';
import { normalizePhone } from '@/lib/calls/phone';
import type { Queryable } from '@/lib/db';
import { env } from '@/lib/env';

// What a WhatsApp action needs beyond its payload, read in one pass for a page of actions: when
// the customer last wrote to the business (the service window opens there, never at the call),
// and the facts its template's parameters are filled from (the call's metadata and variables,
// the call's order). The decision reads the same, in its transaction.

export interface WhatsappContext {
  /** The customer's last inbound message to the business number (ISO), or null: never written. */
  lastInboundAt: string | null;
  facts: TemplateFacts;
  /** The sent message's furthest state (status webhooks): sent | delivered | read | failed, or null. */
  messageState: string | null;
  /** Every failure the status webhooks reported: [{code, title, message, details, at}]. */
  messageFailures: unknown[];
}

interface Row {
  id: string;
  payload: Record<string, unknown> | null;
  edited_payload: Record<string, unknown> | null;
  call_id: string | null;
  customer_number: string | null;
  metadata: unknown;
  variables: unknown;
  order_payload: unknown;
  order_id: string | null;
  message_state: string | null;
  message_failures: unknown;
}

/** The number a WhatsApp action goes to, as whatsapp_message stores customers (E.164). */
export function whatsappRecipient(payload: Record<string, unknown> | null, callNumber: string | null): string | null {
  const given = typeof payload?.number === 'string' && payload.number.trim() ? payload.number : callNumber;
  return given ? normalizePhone(given.startsWith('+') ? given : `+${given.replace(/^00/, '')}`) : null;
}

/** Per WhatsApp action among `actionIds` (others are left out). */
export async function whatsappContexts(
  db: Queryable,
  actionIds: readonly string[],
  opts: { businessPhoneId: string | null; currency: string },
): Promise<Map<string, WhatsappContext>> {
  const result = new Map<string, WhatsappContext>();
  if (actionIds.length === 0) return result;
  const { rows } = await db.query<Row>(
    `SELECT a.id, a.payload, a.edited_payload, c.id AS call_id, c.customer_number, c.metadata, c.variables,
            a.message_state, a.message_failures, o.payload AS order_payload, o.response_id AS order_id
     FROM action a
     LEFT JOIN call c ON c.id = a.call_id
     LEFT JOIN LATERAL (
       SELECT COALESCE(x.edited_payload, x.payload) AS payload, ob.response_id
       FROM action x LEFT JOIN dispatch_outbox ob ON ob.action_id = x.id
       WHERE x.call_id = a.call_id AND x.kind = $3 ORDER BY x.created_at DESC LIMIT 1
     ) o ON a.call_id IS NOT NULL
     WHERE a.id = ANY($1::uuid[]) AND a.kind = $2`,
    [actionIds, SEND_WHATSAPP, CREATE_ORDER],
  );
  const numbers = [...new Set(rows.flatMap((r) => whatsappRecipient(r.edited_payload ?? r.payload, r.customer_number) ?? []))];
  const last = new Map<string, Date>();
  if (numbers.length) {
    const inbound = await db.query<{ customer_number: string; at: Date }>(
      `SELECT customer_number, max(sent_at) AS at FROM whatsapp_message
       WHERE direction = 'inbound' AND customer_number = ANY($1::text[]) AND ($2::text IS NULL OR business_phone_id = $2)
       GROUP BY customer_number`,
      [numbers, opts.businessPhoneId],
    );
    for (const r of inbound.rows) last.set(r.customer_number, r.at);
  }
  for (const r of rows) {
    const payload = r.edited_payload ?? r.payload ?? {};
    const number = whatsappRecipient(payload, r.customer_number);
    result.set(r.id, {
      lastInboundAt: (number && last.get(number)?.toISOString()) || null,
      messageState: r.message_state,
      messageFailures: Array.isArray(r.message_failures) ? r.message_failures : [],
      facts: templateFacts({
        callId: r.call_id,
        payload,
        metadata: r.metadata,
        variables: r.variables,
        order: r.order_payload,
        orderId: r.order_id,
        currency: opts.currency,
      }),
    });
  }
  return result;
}

/** The same with this server's business number and currency (the read models' default). */
export function whatsappContextsHere(db: Queryable, actionIds: readonly string[]): Promise<Map<string, WhatsappContext>> {
  const settings = env();
  return whatsappContexts(db, actionIds, { businessPhoneId: settings.WHATSAPP_PHONE_NUMBER_ID ?? null, currency: settings.ORDER_CURRENCY });
}
