import type { Queryable } from '@/lib/db';
import type { InboundMessage, StatusReport } from './webhook';

// Keeps what a webhook delivery said, each thing once: a message by its wamid, a status by
// (wamid, status, at, error code). Returns how many were new, so a repeat is seen as a duplicate.

export async function storeInboundMessages(db: Queryable, deliveryId: string, messages: readonly InboundMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const sorted = [...messages].sort((a, b) => (a.wamid < b.wamid ? -1 : a.wamid > b.wamid ? 1 : 0));
  const result = await db.query(
    `INSERT INTO whatsapp_message (wamid, direction, business_phone_id, business_number, customer_number, profile_name, type, body, media, context_wamid, sent_at, delivery_id)
     SELECT m.wamid, 'inbound', m.business_phone_id, m.business_number, m.customer_number, m.profile_name, m.type, m.body, m.media, m.context_wamid, m.sent_at, $2::uuid
     FROM jsonb_to_recordset($1::jsonb) AS m(wamid text, business_phone_id text, business_number text, customer_number text, profile_name text,
                                            type text, body text, media jsonb, context_wamid text, sent_at timestamptz)
     ON CONFLICT (wamid) DO NOTHING`,
    [
      JSON.stringify(
        sorted.map((m) => ({
          wamid: m.wamid,
          business_phone_id: m.businessPhoneId,
          business_number: m.businessNumber,
          customer_number: m.customerNumber,
          profile_name: m.profileName,
          type: m.type,
          body: m.body,
          media: m.media,
          context_wamid: m.contextWamid,
          sent_at: m.sentAt.toISOString(),
        })),
      ),
      deliveryId,
    ],
  );
  return result.rowCount ?? 0;
}

export async function storeStatuses(db: Queryable, deliveryId: string, statuses: readonly StatusReport[]): Promise<number> {
  if (statuses.length === 0) return 0;
  const key = (s: StatusReport) => `${s.wamid}\u0001${s.status}\u0001${s.at.toISOString()}\u0001${s.errorCode}`;
  const sorted = [...statuses].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const result = await db.query(
    `INSERT INTO whatsapp_status (wamid, status, at, recipient, error_code, error_title, error_message, error_details, delivery_id)
     SELECT s.wamid, s.status, s.at, s.recipient, s.error_code, s.error_title, s.error_message, s.error_details, $2::uuid
     FROM jsonb_to_recordset($1::jsonb) AS s(wamid text, status text, at timestamptz, recipient text, error_code int, error_title text, error_message text, error_details text)
     ON CONFLICT (wamid, status, at, error_code) DO NOTHING`,
    [
      JSON.stringify(
        sorted.map((s) => ({
          wamid: s.wamid,
          status: s.status,
          at: s.at.toISOString(),
          recipient: s.recipient,
          error_code: s.errorCode,
          error_title: s.errorTitle,
          error_message: s.errorMessage,
          error_details: s.errorDetails,
        })),
      ),
      deliveryId,
    ],
  );
  return result.rowCount ?? 0;
}
