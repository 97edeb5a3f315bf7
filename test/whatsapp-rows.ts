import { randomUUID } from 'node:crypto';
import { testDb, uid } from './webhooks';

// WhatsApp rows made straight in the tables, as the webhook (inbound messages, statuses) and the
// outbox (outbound messages, the action's message state) leave them: for the read models' tests.

export const BUSINESS_PHONE_ID = '106540352242922';

export interface MessageSeed {
  direction?: 'inbound' | 'outbound';
  customerNumber: string;
  type?: string;
  body?: string | null;
  media?: Record<string, unknown> | null;
  profileName?: string | null;
  sentAt: Date;
  actionId?: string | null;
  wamid?: string;
}

export async function insertMessage(seed: MessageSeed): Promise<{ id: string; wamid: string }> {
  const wamid = seed.wamid ?? `wamid.${randomUUID().replace(/-/g, '')}`;
  const { rows } = await testDb().query<{ id: string }>(
    `INSERT INTO whatsapp_message (wamid, direction, business_phone_id, business_number, customer_number, profile_name, type, body, media, sent_at, action_id)
     VALUES ($1, $2, $3, '+15550001111', $4, $5, $6, $7, $8, $9, $10) RETURNING id::text AS id`,
    [
      wamid,
      seed.direction ?? 'inbound',
      BUSINESS_PHONE_ID,
      seed.customerNumber,
      seed.profileName ?? null,
      seed.type ?? 'text',
      seed.body === undefined ? 'hello' : seed.body,
      seed.media ? JSON.stringify(seed.media) : null,
      seed.sentAt,
      seed.actionId ?? null,
    ],
  );
  return { id: String(rows[0]?.id), wamid };
}

export async function insertStatus(
  wamid: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  at: Date,
  error: { code: number; title?: string; message?: string; details?: string } | null = null,
): Promise<void> {
  await testDb().query(
    `INSERT INTO whatsapp_status (wamid, status, at, error_code, error_title, error_message, error_details)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [wamid, status, at, error?.code ?? 0, error?.title ?? null, error?.message ?? null, error?.details ?? null],
  );
}

/** An action raised by `callId` (its event made too), as ingest leaves it. */
export async function insertAction(
  callId: string,
  opts: { kind?: string; status?: string; payload?: Record<string, unknown>; createdAt?: Date; reason?: string | null } = {},
): Promise<string> {
  const key = uid('wa-action');
  const { rows } = await testDb().query<{ id: string }>(
    `WITH e AS (
       INSERT INTO call_event (provider, dedupe_key, call_id, type, payload, normalized) VALUES ('mirai', $1, $2, 'action', '{}', '{}') RETURNING id
     )
     INSERT INTO action (provider, event_id, call_id, kind, raw_kind, reason, payload, status, created_at)
     SELECT 'mirai', e.id, $2, $3, $3, $4, $5, $6, $7 FROM e RETURNING id::text AS id`,
    [
      key,
      callId,
      opts.kind ?? 'send_whatsapp',
      opts.reason ?? 'missing_address',
      JSON.stringify(opts.payload ?? {}),
      opts.status ?? 'pending',
      opts.createdAt ?? new Date(),
    ],
  );
  return String(rows[0]?.id);
}

/** What the status webhook leaves on the action (H1's reconcile): the furthest state and every failure. */
export async function setActionMessageState(
  actionId: string,
  state: 'sent' | 'delivered' | 'read' | 'failed' | null,
  at: Date | null,
  failures: { code: number; title?: string; message?: string; details?: string; at: string }[] = [],
): Promise<void> {
  await testDb().query(`UPDATE action SET message_state = $2, message_state_at = $3, message_failures = $4 WHERE id = $1`, [
    actionId,
    state,
    at,
    failures.length > 0 ? JSON.stringify(failures) : null,
  ]);
}
