import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { decideAction } from '@/lib/commands/actions/decide';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { drainOutbox } from '@/lib/dispatch/drain';
import { countScope, resolveScope } from '@/lib/ingest/reprocess-scope';
import { getDelivery, listDeliveries } from '@/lib/queries/deliveries/list';
import { deliveryFiltersSchema } from '@/lib/schemas/deliveries';
import { lastInboundAt } from '@/lib/whatsapp/last-inbound';
import { reconcileMessage } from '@/lib/whatsapp/reconcile';
import { approver, drainUntilSettled, seedActions, testConfig } from '@/test/dispatch';
import { type FakeDestination, whatsappCloudFake } from '@/test/fake-destinations';
import { testDb } from '@/test/webhooks';
import {
  BUSINESS_PHONE_ID,
  change,
  handshake,
  postWhatsapp,
  statusUpdate,
  textMessage,
  useWhatsappSecrets,
  WHATSAPP_TEST_VERIFY_TOKEN,
  wamid,
  whatsappBody,
  whatsappSignature,
} from '@/test/whatsapp-webhooks';

// POST/GET /api/webhooks/whatsapp against a real Postgres: Meta's handshake, the signature, every
// message and status stored once, and statuses reconciled onto the action that sent the message,
// whatever order they come in, before or after the outbox recorded the message id.

useWhatsappSecrets();

let cloud: FakeDestination;
let config: DispatchConfig;

beforeAll(async () => {
  cloud = await whatsappCloudFake('wa-token');
  config = testConfig({
    whatsappCloud: { baseUrl: `${cloud.origin}/v23.0`, phoneNumberId: BUSINESS_PHONE_ID, token: 'wa-token', templateLanguage: 'en' },
  });
});
afterAll(async () => {
  await cloud.close();
});

async function deliveryOf(marker: string) {
  const { rows } = await testDb().query(
    `SELECT provider, outcome, verification, http_status, error_code, error_message, event_type FROM delivery
     WHERE provider = 'whatsapp' AND position($1::bytea in body) > 0 ORDER BY received_at`,
    [Buffer.from(marker)],
  );
  return rows as {
    provider: string;
    outcome: string;
    verification: string;
    http_status: number;
    error_code: string | null;
    error_message: string | null;
    event_type: string | null;
  }[];
}

async function messagesOf(customer: string) {
  const { rows } = await testDb().query(
    `SELECT wamid, direction, business_phone_id, business_number, customer_number, profile_name, type, body, media, context_wamid, sent_at, delivery_id, action_id
     FROM whatsapp_message WHERE customer_number = $1 ORDER BY sent_at, wamid`,
    [customer],
  );
  return rows as Record<string, unknown>[];
}

async function actionRow(id: string) {
  const { rows } = await testDb().query(
    `SELECT a.status, a.message_state, a.message_state_at, a.message_failures, o.status AS outbox_status, o.attempts, o.last_error, o.response_id
     FROM action a LEFT JOIN dispatch_outbox o ON o.action_id = a.id WHERE a.id = $1`,
    [id],
  );
  return rows[0] as {
    status: string;
    message_state: string | null;
    message_state_at: Date | null;
    message_failures: { code: number; title: string; at: string }[] | null;
    outbox_status: string;
    attempts: number;
    last_error: string | null;
    response_id: string | null;
  };
}

/** A distinct Indian mobile number per test: +91 98 then 8 digits. */
let serial = Math.floor(Math.random() * 1e6);
const customer = () => `+9198${String(10_000_000 + (serial++ % 89_999_999)).slice(0, 8)}`;
const digits = (e164: string) => e164.slice(1);

/** A send_whatsapp action approved and sent through the fake Cloud API: the customer wrote first, so free text goes. */
async function sentAction(number: string, opts: { drain?: boolean } = {}): Promise<{ actionId: string; wamid: string }> {
  const reply = await postWhatsapp(
    whatsappBody([
      change({
        contacts: [{ name: 'Asha', waId: digits(number) }],
        messages: [textMessage(digits(number), wamid('in'), 'hello', new Date(Date.now() - 60_000))],
      }),
    ]),
  );
  expect(reply.status).toBe(200);
  const [actionId = ''] = await seedActions(1, 'send_whatsapp', () => ({ number }), { reason: 'missing_address', callEndedAt: new Date(Date.now() - 120_000) });
  await decideAction(approver, actionId, { decision: 'approve' }, config);
  if (opts.drain !== false) await drainUntilSettled([actionId], config);
  return { actionId, wamid: `wamid.${digits(number)}.1` };
}

describe('the subscription handshake', () => {
  it('answers the challenge as plain text when the token matches', async () => {
    const ok = await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': WHATSAPP_TEST_VERIFY_TOKEN, 'hub.challenge': '1158201444' });
    expect(ok).toMatchObject({ status: 200, text: '1158201444' });
    expect(ok.type).toMatch(/^text\/plain/);
  });

  it('refuses a wrong token or mode with 403', async () => {
    expect((await handshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' })).status).toBe(403);
    expect((await handshake({ 'hub.mode': 'unsubscribe', 'hub.verify_token': WHATSAPP_TEST_VERIFY_TOKEN, 'hub.challenge': '1' })).status).toBe(403);
    expect((await handshake({})).status).toBe(403);
  });
});

describe('the signature', () => {
  it('missing or wrong: 401, recorded as a rejected delivery', async () => {
    const marker = wamid('unsigned');
    const body = whatsappBody([change({ messages: [textMessage('919800000001', marker, 'hi')] })]);
    const missing = await postWhatsapp(body, { secret: null });
    expect(missing).toMatchObject({ status: 401, json: { error: { code: 'signature_missing' } } });
    const wrong = await postWhatsapp(body, { secret: 'not-the-secret' });
    expect(wrong).toMatchObject({ status: 401, json: { error: { code: 'signature_invalid' } } });
    const malformed = await postWhatsapp(body, { signature: 'sha1=abc' });
    expect(malformed.status).toBe(401);
    expect(await deliveryOf(marker)).toMatchObject([
      { outcome: 'rejected', verification: 'missing', http_status: 401 },
      { outcome: 'rejected', verification: 'invalid', http_status: 401 },
      { outcome: 'rejected', verification: 'invalid', http_status: 401 },
    ]);
    const { rows } = await testDb().query('SELECT 1 FROM whatsapp_message WHERE wamid = $1', [marker]);
    expect(rows).toHaveLength(0);
  });

  it('a body signed with the retired secret still verifies (rotation)', async () => {
    const number = customer();
    const id = wamid('rotated');
    const result = await postWhatsapp(whatsappBody([change({ messages: [textMessage(digits(number), id, 'rotated')] })]), { secret: 'retired_app_secret' });
    expect(result.status).toBe(200);
    expect(await messagesOf(number)).toHaveLength(1);
  });

  it('a signature over other bytes (re-serialised JSON) is refused', async () => {
    const text = JSON.stringify(whatsappBody([change({ messages: [textMessage('919800000002', wamid('bytes'), 'x')] })]));
    const result = await postWhatsapp(`${text} `, { signature: whatsappSignature(text) });
    expect(result.status).toBe(401);
  });
});

describe('inbound messages', () => {
  it('one delivery with several entries and business numbers: every message stored once, with its customer', async () => {
    const asha = customer();
    const ravi = customer();
    const at = new Date('2026-12-05T10:00:00Z');
    const ids = [wamid('a'), wamid('b'), wamid('c'), wamid('d')];
    const body = whatsappBody(
      [
        change({
          contacts: [{ name: 'Asha Rao', waId: digits(asha) }],
          messages: [
            textMessage(digits(asha), ids[0] ?? '', '12 MG Road, Bengaluru 560001', at),
            {
              from: digits(asha),
              id: ids[1],
              timestamp: String(at.getTime() / 1000 + 5),
              type: 'image',
              image: { caption: 'my gate', mime_type: 'image/jpeg', sha256: 'abc', id: 'media-1' },
              context: { from: '15550001111', id: 'wamid.earlier' },
            },
          ],
        }),
      ],
      [
        change({
          phoneNumberId: '2222222222',
          displayNumber: '15550002222',
          contacts: [{ name: 'Ravi', waId: digits(ravi) }],
          messages: [
            { from: digits(ravi), id: ids[2], timestamp: String(at.getTime() / 1000), type: 'button', button: { text: 'Yes, deliver', payload: 'yes' } },
            {
              from: digits(ravi),
              id: ids[3],
              timestamp: String(at.getTime() / 1000 + 1),
              type: 'location',
              location: { latitude: 12.97, longitude: 77.59, name: 'Home', address: 'MG Road' },
            },
          ],
        }),
      ],
    );
    const result = await postWhatsapp(body);
    expect(result).toMatchObject({ status: 200, json: { ok: true } });
    const [delivery] = await deliveryOf(ids[0] ?? '');
    expect(delivery).toMatchObject({ outcome: 'stored', verification: 'valid', http_status: 200, event_type: 'messages' });

    const mine = await messagesOf(asha);
    expect(mine).toMatchObject([
      {
        wamid: ids[0],
        direction: 'inbound',
        business_phone_id: BUSINESS_PHONE_ID,
        business_number: '+15550001111',
        profile_name: 'Asha Rao',
        type: 'text',
        body: '12 MG Road, Bengaluru 560001',
        sent_at: at,
      },
      { wamid: ids[1], type: 'image', body: 'my gate', media: { mime_type: 'image/jpeg', id: 'media-1' }, context_wamid: 'wamid.earlier' },
    ]);
    expect(mine[0]?.delivery_id).toEqual(expect.any(String));
    expect(await messagesOf(ravi)).toMatchObject([
      { type: 'button', body: 'Yes, deliver', business_phone_id: '2222222222', profile_name: 'Ravi' },
      { type: 'location', body: expect.stringContaining('MG Road'), media: { latitude: 12.97, longitude: 77.59 } },
    ]);
    expect(await lastInboundAt(testDb(), BUSINESS_PHONE_ID, asha)).toEqual(new Date(at.getTime() + 5000));
    expect(await lastInboundAt(testDb(), '2222222222', asha)).toBeNull();
    expect(await lastInboundAt(testDb(), null, ravi)).toEqual(new Date(at.getTime() + 1000));
  });

  it('the same delivery again is a duplicate and stores nothing new', async () => {
    const number = customer();
    const id = wamid('dup');
    const body = whatsappBody([change({ messages: [textMessage(digits(number), id, 'twice')] })]);
    expect((await postWhatsapp(body)).status).toBe(200);
    expect(await postWhatsapp(body)).toMatchObject({ status: 200, json: { ok: true, duplicate: true } });
    expect((await deliveryOf(id)).map((d) => d.outcome)).toEqual(['stored', 'duplicate']);
    expect(await messagesOf(number)).toHaveLength(1);
  });

  it('an unknown message type is kept with its type', async () => {
    const number = customer();
    const id = wamid('unknown');
    await postWhatsapp(
      whatsappBody([
        change({ messages: [{ from: digits(number), id, timestamp: unix0(), type: 'reaction', reaction: { emoji: '👍', message_id: 'wamid.x' } }] }),
      ]),
    );
    expect(await messagesOf(number)).toMatchObject([{ type: 'reaction', body: '👍' }]);
  });
});

const unix0 = () => String(Math.floor(Date.now() / 1000));

describe('what a verified body must be', () => {
  it('bad JSON: 400 with the reason, kept as a rejected delivery', async () => {
    const marker = wamid('badjson');
    const result = await postWhatsapp(`{"object":"whatsapp_business_account","entry":[${marker}`);
    expect(result).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    expect(await deliveryOf(marker)).toMatchObject([{ outcome: 'rejected', verification: 'valid', http_status: 400, error_code: 'invalid_json' }]);
  });

  it('the wrong shape: 400 naming the field', async () => {
    const marker = wamid('shape');
    const result = await postWhatsapp({
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ field: 'messages', value: { messages: [{ id: marker, from: 5 }] } }] }],
    });
    expect(result).toMatchObject({ status: 400, json: { error: { code: 'invalid_payload', message: expect.stringMatching(/entry\.0\.changes\.0\.value/) } } });
    expect(await deliveryOf(marker)).toMatchObject([{ outcome: 'rejected', http_status: 400, error_code: 'invalid_payload' }]);
  });

  it('a change that is not about messages is stored as a delivery and nothing else', async () => {
    const marker = wamid('other');
    const result = await postWhatsapp({
      object: 'whatsapp_business_account',
      entry: [{ id: marker, changes: [{ field: 'account_update', value: { event: 'VERIFIED' } }] }],
    });
    expect(result.status).toBe(200);
    expect(await deliveryOf(marker)).toMatchObject([{ outcome: 'stored', event_type: 'account_update' }]);
  });
});

describe('statuses reconciled onto the action', () => {
  it('out of order and duplicated: the furthest state reached', async () => {
    const number = customer();
    const { actionId, wamid: id } = await sentAction(number);
    expect(await actionRow(actionId)).toMatchObject({ status: 'dispatched', outbox_status: 'sent', response_id: id });
    // The outbound message is on record with its action.
    expect((await messagesOf(number)).filter((m) => m.direction === 'outbound')).toMatchObject([
      { wamid: id, action_id: actionId, business_phone_id: BUSINESS_PHONE_ID, type: 'text', body: expect.stringMatching(/delivery address/) },
    ]);
    const t = Date.now();
    const read = statusUpdate(id, 'read', new Date(t + 3000), digits(number));
    const delivered = statusUpdate(id, 'delivered', new Date(t + 2000), digits(number));
    const sent = statusUpdate(id, 'sent', new Date(t + 1000), digits(number));
    expect((await postWhatsapp(whatsappBody([change({ statuses: [read, delivered] })]))).status).toBe(200);
    expect(await postWhatsapp(whatsappBody([change({ statuses: [sent, delivered] })]))).toMatchObject({ status: 200 });
    expect(await postWhatsapp(whatsappBody([change({ statuses: [read] })]))).toMatchObject({ status: 200, json: { duplicate: true } });
    const row = await actionRow(actionId);
    expect(row).toMatchObject({ status: 'dispatched', message_state: 'read', message_failures: null });
    expect(row.message_state_at).toEqual(new Date(Math.floor((t + 3000) / 1000) * 1000));
    const { rows } = await testDb().query('SELECT status FROM whatsapp_status WHERE wamid = $1 ORDER BY at', [id]);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'delivered', 'read']);
    const [delivery] = await deliveryOf(id);
    expect(delivery?.event_type).toBe('statuses');
  });

  it('failed, then delivered (multi-device): failed with the reason, then dispatched again, every failure kept; audited both ways', async () => {
    const number = customer();
    const { actionId, wamid: id } = await sentAction(number);
    const t = Date.now();
    await postWhatsapp(
      whatsappBody([change({ statuses: [statusUpdate(id, 'failed', new Date(t), digits(number), [{ code: 131026, title: 'Message undeliverable' }])] })]),
    );
    const failed = await actionRow(actionId);
    expect(failed).toMatchObject({ status: 'failed', message_state: 'failed', message_failures: [{ code: 131026, title: 'Message undeliverable' }] });
    expect(failed.last_error).toMatch(/undeliverable/i);
    await postWhatsapp(whatsappBody([change({ statuses: [statusUpdate(id, 'delivered', new Date(t + 1000), digits(number))] })]));
    expect(await actionRow(actionId)).toMatchObject({ status: 'dispatched', message_state: 'delivered', message_failures: [{ code: 131026 }] });
    const { rows } = await testDb().query(`SELECT action, before, after FROM audit_log WHERE target_id = $1 AND action LIKE 'action_message%' ORDER BY at`, [
      actionId,
    ]);
    expect(rows).toMatchObject([
      { action: 'action_message_failed', before: { status: 'dispatched' }, after: { status: 'failed', code: 131026 } },
      { action: 'action_message_recovered', before: { status: 'failed' }, after: { status: 'dispatched', messageState: 'delivered' } },
    ]);
  });

  it("'sent' after 'failed' (out of order) is no evidence it arrived: the action stays failed, a requeued one stays queued", async () => {
    const t = Date.now();
    const final = customer();
    const a = await sentAction(final);
    await postWhatsapp(
      whatsappBody([
        change({ statuses: [statusUpdate(a.wamid, 'failed', new Date(t + 2000), digits(final), [{ code: 131026, title: 'Message undeliverable' }])] }),
      ]),
    );
    await postWhatsapp(whatsappBody([change({ statuses: [statusUpdate(a.wamid, 'sent', new Date(t + 1000), digits(final))] })]));
    expect(await actionRow(a.actionId)).toMatchObject({ status: 'failed', message_state: 'failed' });

    const limited = customer();
    const b = await sentAction(limited);
    await postWhatsapp(
      whatsappBody([change({ statuses: [statusUpdate(b.wamid, 'failed', new Date(t + 2000), digits(limited), [{ code: 130429, title: 'Rate limit hit' }])] })]),
    );
    await postWhatsapp(whatsappBody([change({ statuses: [statusUpdate(b.wamid, 'sent', new Date(t + 1000), digits(limited))] })]));
    expect(await actionRow(b.actionId)).toMatchObject({ status: 'approved', outbox_status: 'pending', message_state: 'failed' });
  });

  it('a status that comes before the outbox recorded the message id is reconciled when it is recorded', async () => {
    const number = customer();
    const { actionId, wamid: id } = await sentAction(number, { drain: false });
    // The fake names its first message to this number wamid.<digits>.1: Meta's status overtakes our record of the send.
    await postWhatsapp(whatsappBody([change({ statuses: [statusUpdate(id, 'delivered', new Date(), digits(number))] })]));
    expect(await actionRow(actionId)).toMatchObject({ message_state: null });
    await drainUntilSettled([actionId], config);
    expect(await actionRow(actionId)).toMatchObject({ status: 'dispatched', outbox_status: 'sent', response_id: id, message_state: 'delivered' });
  });

  it('statuses racing the outbox record, many at once: every action ends with its state (the per-message lock)', async () => {
    const numbers = Array.from({ length: 12 }, customer);
    const sent = await Promise.all(numbers.map((n) => sentAction(n, { drain: false })));
    const ids = sent.map((s) => s.actionId);
    await testDb().query(`UPDATE dispatch_outbox SET next_attempt_at = now() WHERE action_id = ANY($1::uuid[])`, [ids]);
    const t = new Date();
    await Promise.all([
      drainOutbox({ actionIds: ids, config, limit: 12 }),
      ...sent.map((s, i) =>
        postWhatsapp(whatsappBody([change({ statuses: [statusUpdate(s.wamid, i % 2 ? 'read' : 'delivered', t, digits(numbers[i] ?? ''))] })])),
      ),
    ]);
    await drainUntilSettled(ids, config);
    const rows = await Promise.all(ids.map(actionRow));
    expect(rows.map((r) => r.message_state)).toEqual(ids.map((_, i) => (i % 2 ? 'read' : 'delivered')));
    expect(rows.every((r) => r.status === 'dispatched')).toBe(true);
  });

  it('the interleaving the lock is for: the outbox has read no statuses yet and not committed; the webhook waits, then applies its status', async () => {
    const number = customer();
    const { actionId } = await sentAction(number, { drain: false });
    const id = wamid('interleave');
    const outbox = await testDb().connect();
    const webhook = await testDb().connect();
    try {
      // The outbox records the send and reconciles (no statuses yet), and has not committed.
      await outbox.query('BEGIN');
      await outbox.query(`UPDATE dispatch_outbox SET status = 'sent', response_id = $2 WHERE action_id = $1`, [actionId, id]);
      await outbox.query(`UPDATE action SET status = 'dispatched' WHERE id = $1`, [actionId]);
      await reconcileMessage(outbox, id, { now: new Date() });
      // Meanwhile the webhook stores a status and reconciles: it must wait for the outbox's commit.
      let webhookDone = false;
      const storing = (async () => {
        await webhook.query('BEGIN');
        await webhook.query(`INSERT INTO whatsapp_status (wamid, status, at) VALUES ($1, 'delivered', now())`, [id]);
        const result = await reconcileMessage(webhook, id, { now: new Date() });
        await webhook.query('COMMIT');
        webhookDone = true;
        return result;
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(webhookDone).toBe(false);
      await outbox.query('COMMIT');
      expect(await storing).toMatchObject({ matched: true, state: 'delivered' });
    } finally {
      outbox.release();
      webhook.release();
    }
    expect(await actionRow(actionId)).toMatchObject({ status: 'dispatched', message_state: 'delivered' });
  });

  it('a retryable failure after the send puts the message back in the outbox; the resend gets its own message id', async () => {
    const number = customer();
    const { actionId, wamid: id } = await sentAction(number);
    await postWhatsapp(
      whatsappBody([change({ statuses: [statusUpdate(id, 'failed', new Date(), digits(number), [{ code: 131056, title: 'Pair rate limit hit' }])] })]),
    );
    const requeued = await actionRow(actionId);
    expect(requeued).toMatchObject({ outbox_status: 'pending', attempts: 1, message_state: 'failed', message_failures: [{ code: 131056 }] });
    expect(requeued.status).not.toBe('failed');
    expect(requeued.last_error).toMatch(/too many messages|rate/i);
    await drainUntilSettled([actionId], config);
    const resent = await actionRow(actionId);
    expect(resent).toMatchObject({
      status: 'dispatched',
      outbox_status: 'sent',
      attempts: 2,
      response_id: `wamid.${digits(number)}.2`,
      message_state: null,
      message_failures: [{ code: 131056 }],
    });
    expect(cloud.requests.filter((r) => r.key === digits(number))).toHaveLength(2);
  });

  it('a status for a message we did not send is stored and changes nothing', async () => {
    const id = wamid('stranger');
    const result = await postWhatsapp(whatsappBody([change({ statuses: [statusUpdate(id, 'read', new Date(), '919800000009')] })]));
    expect(result.status).toBe(200);
    const { rows } = await testDb().query('SELECT status FROM whatsapp_status WHERE wamid = $1', [id]);
    expect(rows).toEqual([{ status: 'read' }]);
  });

  it('messages and statuses in one delivery: event type names both', async () => {
    const number = customer();
    const id = wamid('both');
    await postWhatsapp(
      whatsappBody([
        change({ messages: [textMessage(digits(number), id, 'hi')] }),
        change({ statuses: [statusUpdate(wamid('s'), 'sent', new Date(), digits(number))] }),
      ]),
    );
    expect(await deliveryOf(id)).toMatchObject([{ outcome: 'stored', event_type: 'messages+statuses' }]);
  });
});

describe('any signed JSON', () => {
  it('property: stored (200) or refused with a reason (400), never a 5xx or a processing failure', async () => {
    const message = fc.record(
      {
        from: fc.oneof(fc.stringMatching(/^\d{8,15}$/), fc.string({ unit: 'binary', maxLength: 20 })),
        id: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        timestamp: fc.oneof(fc.stringMatching(/^\d{1,11}$/), fc.integer(), fc.string()),
        type: fc.oneof(fc.constantFrom('text', 'image', 'location', 'button', 'interactive'), fc.string({ unit: 'binary', maxLength: 10 })),
        text: fc.record({ body: fc.string({ unit: 'binary', maxLength: 50 }) }),
        image: fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        location: fc.record({ latitude: fc.double(), longitude: fc.double(), name: fc.string({ unit: 'binary' }) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['id'] },
    );
    const status = fc.record(
      {
        id: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        status: fc.constantFrom('sent', 'delivered', 'read', 'failed', 'deleted'),
        timestamp: fc.oneof(fc.stringMatching(/^\d{1,11}$/), fc.integer({ min: -5, max: 2 ** 40 })),
        recipient_id: fc.string({ unit: 'binary', maxLength: 20 }),
        errors: fc.array(
          fc.record({
            code: fc.oneof(fc.integer(), fc.double()),
            title: fc.string({ unit: 'binary' }),
            error_data: fc.record({ details: fc.string({ unit: 'binary' }) }),
          }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: ['id', 'status', 'timestamp'] },
    );
    const value = fc.record(
      {
        metadata: fc.record(
          { phone_number_id: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), display_phone_number: fc.string({ unit: 'binary', maxLength: 20 }) },
          { requiredKeys: [] },
        ),
        contacts: fc.array(fc.record({ wa_id: fc.string({ maxLength: 15 }), profile: fc.record({ name: fc.string({ unit: 'binary' }) }) }), { maxLength: 2 }),
        messages: fc.array(message, { maxLength: 3 }),
        statuses: fc.array(status, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    const doc = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({
        object: fc.constant('whatsapp_business_account'),
        entry: fc.array(
          fc.record({ id: fc.string(), changes: fc.array(fc.record({ field: fc.constantFrom('messages', 'account_update'), value }), { maxLength: 2 }) }),
          { maxLength: 2 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(doc, async (d) => {
        const result = await postWhatsapp(JSON.stringify(d) ?? 'null');
        expect([200, 400], JSON.stringify(result.json)).toContain(result.status);
      }),
      { numRuns: 150 },
    );
  });
});

describe('reprocessing', () => {
  it('does not read WhatsApp deliveries (they hold no call events)', async () => {
    const id = wamid('reprocess');
    await postWhatsapp(whatsappBody([change({ messages: [textMessage('919800000003', id, 'hi')] })]));
    const { rows } = await testDb().query<{ id: string }>(`SELECT id FROM delivery WHERE provider = 'whatsapp' AND position($1::bytea in body) > 0`, [
      Buffer.from(id),
    ]);
    const client = await testDb().connect();
    try {
      const scope = await resolveScope(client, { kind: 'delivery', deliveryId: rows[0]?.id ?? '' });
      expect(await countScope(client, scope, new Date())).toBe(0);
    } finally {
      client.release();
    }
  });
});

describe('on /deliveries', () => {
  const viewer: Actor = { userId: 'test-viewer', email: 'viewer@test.callboard', role: 'viewer', via: 'token' };

  it('filterable as provider whatsapp; a viewer reads the body without the customer in it, the signature cut short', async () => {
    const number = customer();
    const id = wamid('viewer');
    await postWhatsapp(
      whatsappBody([
        change({
          contacts: [{ name: 'Meenakshi Sundaram', waId: digits(number) }],
          messages: [textMessage(digits(number), id, 'Ring twice at the blue gate near the temple')],
        }),
      ]),
    );
    const page = await listDeliveries(approver, deliveryFiltersSchema.parse({ provider: 'whatsapp', q: 'messages', limit: 100 }));
    expect(page.deliveries.every((d) => d.provider === 'whatsapp')).toBe(true);
    const { rows } = await testDb().query<{ id: string }>(`SELECT id FROM delivery WHERE provider = 'whatsapp' AND position($1::bytea in body) > 0`, [
      Buffer.from(id),
    ]);
    const seen = await getDelivery(viewer, rows[0]?.id ?? '');
    const text = JSON.stringify(seen);
    for (const secret of ['Meenakshi', 'Sundaram', digits(number), 'blue gate near the temple']) expect(text).not.toContain(secret);
    const signature = seen?.headers.find((h) => h.name === 'x-hub-signature-256');
    expect(signature?.masked).toBe(true);
    const whole = await getDelivery(approver, rows[0]?.id ?? '');
    expect(JSON.stringify(whole)).toContain('blue gate near the temple');
  });
});
