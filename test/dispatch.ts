import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { type DrainReport, drainOutbox } from '@/lib/dispatch/drain';
import { testDb } from './webhooks';

// Helpers for the dispatch tests: actions seeded straight into the tables (a thousand through
// signed webhooks would test ingest, not dispatch), a fast retry policy, and a drain loop.

export const approver: Actor = { userId: 'test-approver', email: 'approver@test.callboard', role: 'approver', via: 'token' };

export const WEBHOOK_SECRET = `whsec_${Buffer.from('dispatch-integration-secret-32by').toString('base64')}`;

/** Everything unset; tests add the destinations they exercise. Retries in milliseconds, not minutes. */
export function testConfig(overrides: Partial<DispatchConfig> = {}): DispatchConfig {
  return {
    shopify: null,
    orderWebhook: null,
    whatsappCloud: null,
    whatsappWebhook: null,
    templates: ['order_followup'],
    templateLanguage: 'en',
    currency: 'INR',
    slack: null,
    email: null,
    appUrl: null,
    insecureHosts: ['127.0.0.1'],
    timeoutMs: 300,
    policy: { maxAttempts: 4, baseMs: 10, factor: 2, maxMs: 100 },
    ...overrides,
  };
}

export function orderPayload(marker: string) {
  return {
    phone: '+919876543210',
    email: `${marker}@example.com`,
    lineItems: [{ title: 'Masala Chai 250g', variantId: '44001', quantity: 2, price: 349 }],
    shippingAddress: {
      firstName: 'Asha',
      lastName: 'Rao',
      address1: '12 MG Road',
      city: 'Bengaluru',
      province: 'Karnataka',
      zip: '560001',
      country: 'India',
      phone: '+919876543210',
    },
    paymentMode: 'cod',
    cartTotal: 747,
    codCharge: 49,
    note: marker,
  };
}

/** n pending actions of a kind (each with its own call event), returned in creation order. */
export async function seedActions(
  n: number,
  kind: 'create_order' | 'send_whatsapp',
  payload: (i: number) => object,
  opts: { callEndedAt?: Date; reason?: string } = {},
): Promise<string[]> {
  const batch = randomUUID().slice(0, 8);
  const { rows } = await testDb().query<{ id: string }>(
    `WITH calls AS (
       INSERT INTO call (provider, provider_call_id, status, ended_at, customer_number)
       VALUES ('mirai', $4, 'completed', $5, '+919800000000') RETURNING id
     ), events AS (
       INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, payload, normalized)
       SELECT 'mirai', $4 || ':' || i, (SELECT id FROM calls), $4, 'action', '{}', '{}' FROM generate_series(1, $1) AS i
       RETURNING id, dedupe_key
     )
     INSERT INTO action (provider, event_id, call_id, provider_call_id, kind, raw_kind, reason, payload, created_at)
     SELECT 'mirai', e.id, (SELECT id FROM calls), $4, $2, $2, $6, ($3::jsonb)->(split_part(e.dedupe_key, ':', 2)::int - 1),
            now() + split_part(e.dedupe_key, ':', 2)::int * interval '1 microsecond'
     FROM events e ORDER BY split_part(e.dedupe_key, ':', 2)::int
     RETURNING id`,
    [n, kind, JSON.stringify(Array.from({ length: n }, (_, i) => payload(i))), `dispatch_${batch}`, opts.callEndedAt ?? null, opts.reason ?? null],
  );
  return rows.map((r) => r.id);
}

export async function outboxRows(actionIds: string[]) {
  const { rows } = await testDb().query<{
    action_id: string;
    id: string;
    status: string;
    attempts: number;
    unreached_attempts: number;
    last_error: string | null;
    last_status: number | null;
    response_id: string | null;
    next_attempt_at: Date;
    action_status: string;
  }>(
    `SELECT o.action_id, o.id, o.status, o.attempts, o.unreached_attempts, o.last_error, o.last_status, o.response_id, o.next_attempt_at, a.status AS action_status
     FROM dispatch_outbox o JOIN action a ON a.id = o.action_id WHERE o.action_id = ANY($1::uuid[])`,
    [actionIds],
  );
  return rows;
}

export async function attemptsOf(actionId: string) {
  const { rows } = await testDb().query<{ number: number; outcome: string; http_status: number | null; error: string | null; started_at: Date }>(
    `SELECT t.number, t.outcome, t.http_status, t.error, t.started_at FROM dispatch_attempt t JOIN dispatch_outbox o ON o.id = t.outbox_id
     WHERE o.action_id = $1 ORDER BY t.started_at, t.number`,
    [actionId],
  );
  return rows;
}

/** Drains these actions until none is pending, skipping backoff waits by making due rows due now. */
export async function drainUntilSettled(actionIds: string[], config: DispatchConfig, maxRounds = 20): Promise<DrainReport[]> {
  const reports: DrainReport[] = [];
  for (let round = 0; round < maxRounds; round++) {
    reports.push(await drainOutbox({ actionIds, config, limit: 50 }));
    const { rows } = await testDb().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dispatch_outbox WHERE action_id = ANY($1::uuid[]) AND status IN ('pending', 'in_flight')`,
      [actionIds],
    );
    if (rows[0]?.n === 0) return reports;
    await testDb().query(`UPDATE dispatch_outbox SET next_attempt_at = now() WHERE action_id = ANY($1::uuid[]) AND status = 'pending'`, [actionIds]);
  }
  throw new Error(`outbox rows still pending after ${maxRounds} rounds`);
}

/** The customer writes to the business (an inbound WhatsApp message): their service window opens at `at`. */
export async function customerWrote(number: string, at: Date = new Date(), businessPhoneId = '1234567890'): Promise<void> {
  await testDb().query(
    `INSERT INTO whatsapp_message (wamid, direction, business_phone_id, customer_number, type, body, sent_at)
     VALUES ($1, 'inbound', $2, $3, 'text', 'here is my address', $4)`,
    [`wamid.in.${randomUUID()}`, businessPhoneId, number, at],
  );
}
