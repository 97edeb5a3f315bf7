import type { Queryable } from '@/lib/db';

/**
 * When the customer last wrote to this business number (any of ours when null): the start of
 * the 24-hour customer service window (window.ts). Only inbound messages count, never a call.
 */
export async function lastInboundAt(db: Queryable, businessPhoneId: string | null, customerNumber: string): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT max(sent_at) AS at FROM whatsapp_message
     WHERE direction = 'inbound' AND customer_number = $2 AND (business_phone_id = $1 OR $1::text IS NULL)`,
    [businessPhoneId, customerNumber],
  );
  return rows[0]?.at ?? null;
}
