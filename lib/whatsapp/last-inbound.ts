import type { Queryable } from '@/lib/db';

// When the customer last wrote to the business: the start of their WhatsApp service window
// (lib/whatsapp/window.ts). Only inbound messages count; a phone call never does.

/** The customer's latest inbound message to this business number (any number when null), or null. */
export async function lastInboundAt(db: Queryable, businessPhoneId: string | null, customerNumber: string | null): Promise<Date | null> {
  if (!customerNumber) return null;
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT max(sent_at) AS at FROM whatsapp_message
     WHERE direction = 'inbound' AND customer_number = $2 AND (business_phone_id = $1 OR $1::text IS NULL)`,
    [businessPhoneId, customerNumber],
  );
  return rows[0]?.at ?? null;
}
