import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import { redispatchAction } from '@/lib/commands/actions/redispatch';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { drainOutbox } from '@/lib/dispatch/drain';
import { WHATSAPP_TEMPLATES_KEY } from '@/lib/whatsapp/templates-store';
import { approver, attemptsOf, customerWrote, drainUntilSettled, orderPayload, outboxRows, seedActions, testConfig } from '@/test/dispatch';
import { type Behaviour, type FakeDestination, shopifyFake, whatsappCloudFake } from '@/test/fake-destinations';
import { testDb } from '@/test/webhooks';

// Orders to Shopify and messages to the WhatsApp Cloud API, against local servers that act like
// them. Exactly once is judged by the fake's side effects: one order per approved action.

let shopify: FakeDestination & { orders: { id: string; tags: string[] }[] };
let whatsapp: FakeDestination;
let config: DispatchConfig;

beforeAll(async () => {
  shopify = await shopifyFake('shpat_test');
  whatsapp = await whatsappCloudFake('wa-token');
  config = testConfig({
    shopify: { domain: shopify.host, token: 'shpat_test', apiVersion: '2025-10', currency: 'INR' },
    whatsappCloud: { baseUrl: `${whatsapp.origin}/v23.0`, phoneNumberId: '1234567890', token: 'wa-token', templateLanguage: 'en' },
  });
});

afterAll(async () => {
  await Promise.all([shopify.close(), whatsapp.close()]);
});

async function approvedOrder(script: Behaviour[] = []): Promise<{ actionId: string; key: string }> {
  const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('shopify'));
  const decided = await decideAction(approver, actionId, { decision: 'approve' }, config);
  expect(decided.dispatch).toMatchObject({ status: 'queued', destination: 'shopify' });
  const [row] = await outboxRows([actionId]);
  if (!row) throw new Error('no outbox row');
  shopify.script.set(row.id, [...script]);
  return { actionId, key: row.id };
}

const ordersFor = (key: string) => shopify.orders.filter((o) => o.tags.includes(`cb-${key}`));

describe('Shopify orders', () => {
  it('success: one order, tagged with our key; the action is dispatched with the order id', async () => {
    const { actionId, key } = await approvedOrder();
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(1);
    const [row] = await outboxRows([actionId]);
    expect(row).toMatchObject({ status: 'sent', action_status: 'dispatched', response_id: ordersFor(key)[0]?.id, attempts: 1 });
    expect((await attemptsOf(actionId)).map((a) => a.outcome)).toEqual(['sent']);
  });

  it('500 then success: retried with the same key, one order', async () => {
    const { actionId, key } = await approvedOrder(['fail500']);
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(1);
    expect((await attemptsOf(actionId)).map((a) => [a.outcome, a.http_status])).toEqual([
      ['retry', 500],
      ['sent', 200],
    ]);
  });

  it('timeout after success: the order was made but the answer came too late; the retry finds it by tag instead of making another', async () => {
    const { actionId, key } = await approvedOrder(['lateOk']);
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(1);
    const attempts = await attemptsOf(actionId);
    expect(attempts.map((a) => a.outcome)).toEqual(['retry', 'found']);
    expect(attempts[0]?.error).toMatch(/no answer within 300 ms/);
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'sent', action_status: 'dispatched', response_id: ordersFor(key)[0]?.id });
  });

  it('429 with Retry-After: waits as told, then one order', async () => {
    const { actionId, key } = await approvedOrder(['throttle:2']);
    const before = Date.now();
    await drainOutbox({ actionIds: [actionId], config });
    const [waiting] = await outboxRows([actionId]);
    expect(waiting).toMatchObject({ status: 'pending', last_status: 429, action_status: 'approved' });
    // Retry-After: 2 → due two seconds later, not after the 10 ms backoff.
    expect(waiting?.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + 1_900);
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(1);
  });

  it('permanent 400: failed at once, not retried, no order; re-dispatch sends it once', async () => {
    const { actionId, key } = await approvedOrder(['reject400']);
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(0);
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'failed', action_status: 'failed', attempts: 1, last_status: 400 });

    await redispatchAction(approver, actionId, config);
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(1);
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'sent', action_status: 'dispatched' });
    const audit = await testDb().query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at`, [actionId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['action_approved', 'action_redispatched']);
  });

  it('gives up after the last attempt: failed, with every attempt and the last error', async () => {
    const { actionId, key } = await approvedOrder(['fail500', 'fail500', 'fail500', 'fail500']);
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(0);
    const [row] = await outboxRows([actionId]);
    expect(row).toMatchObject({ status: 'failed', action_status: 'failed', attempts: 4 });
    expect(row?.last_error).toMatch(/^Gave up after 4 attempts: HTTP 500/);
    expect(await attemptsOf(actionId)).toHaveLength(4);
  });

  it('a drainer that died mid-send: its lease runs out, the next one looks the order up first', async () => {
    const { actionId, key } = await approvedOrder();
    // Simulate the crash: the row is in flight under a lease that has expired, and the order exists.
    await testDb().query(
      `UPDATE dispatch_outbox SET status = 'in_flight', attempts = 1, lease_until = now() - interval '1 second', lease_token = gen_random_uuid() WHERE action_id = $1`,
      [actionId],
    );
    shopify.orders.push({ id: 'gid://shopify/Order/crashed', tags: ['callboard', `cb-${key}`] });
    await drainUntilSettled([actionId], config);
    expect(ordersFor(key)).toHaveLength(1);
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'sent', response_id: 'gid://shopify/Order/crashed' });
  });

  it('a rejected action sends nothing', async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('rejected'));
    const decided = await decideAction(approver, actionId, { decision: 'reject', note: 'customer cancelled' }, config);
    expect(decided).toMatchObject({ status: 'rejected', dispatch: null });
    await drainUntilSettled([actionId], config);
    expect(await outboxRows([actionId])).toEqual([]);
    expect(shopify.requests.filter((r) => r.body.includes(actionId))).toEqual([]);
  });
});

describe('WhatsApp Cloud API', () => {
  it("inside the window (the customer wrote): a text message with the reason's words; the message id is kept", async () => {
    const [actionId = ''] = await seedActions(1, 'send_whatsapp', () => ({ number: '+91 98111 00001' }), {
      reason: 'missing_address',
      callEndedAt: new Date(Date.now() - 3600_000),
    });
    await customerWrote('+919811100001', new Date(Date.now() - 3600_000));
    await decideAction(approver, actionId, { decision: 'approve' }, config);
    await drainUntilSettled([actionId], config);
    const sent = whatsapp.requests.filter((r) => r.key === '919811100001');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({
      messaging_product: 'whatsapp',
      to: '919811100001',
      type: 'text',
      text: { body: expect.stringMatching(/delivery address/) },
    });
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'sent', response_id: 'wamid.919811100001.1' });
  });

  it('outside the window (the customer has not written; the call opens nothing): approval needs a configured template, and sends it', async () => {
    const [actionId = ''] = await seedActions(1, 'send_whatsapp', () => ({ number: '+919811100002' }), {
      reason: 'missing_address',
      callEndedAt: new Date(Date.now() - 60_000),
    });
    await testDb().query(`INSERT INTO team_setting (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [
      WHATSAPP_TEMPLATES_KEY,
      JSON.stringify([{ name: 'order_followup', language: 'en', body: '', params: [] }]),
    ]);
    await expect(decideAction(approver, actionId, { decision: 'approve' }, config)).rejects.toMatchObject({ status: 400, code: 'template_required' });
    await expect(decideAction(approver, actionId, { decision: 'approve', template: 'made_up' }, config)).rejects.toMatchObject({
      status: 400,
      code: 'unknown_template',
    });
    await decideAction(approver, actionId, { decision: 'approve', template: 'order_followup' }, config);
    await drainUntilSettled([actionId], config);
    const sent = whatsapp.requests.filter((r) => r.key === '919811100002');
    expect(sent.map((r) => JSON.parse(r.body))).toMatchObject([{ type: 'template', template: { name: 'order_followup', language: { code: 'en' } } }]);
  });

  it('timeout after success: the Cloud API cannot be asked, so needs check, never a second message', async () => {
    const [actionId = ''] = await seedActions(1, 'send_whatsapp', () => ({ number: '+919811100003' }), { reason: 'invalid_cart_data' });
    await customerWrote('+919811100003', new Date(Date.now() - 3600_000));
    whatsapp.script.set('919811100003', ['lateOk']);
    await decideAction(approver, actionId, { decision: 'approve' }, config);
    await drainUntilSettled([actionId], config);
    expect(whatsapp.effects.get('919811100003')).toBe(1);
    expect(whatsapp.requests.filter((r) => r.key === '919811100003')).toHaveLength(1);
    const [row] = await outboxRows([actionId]);
    expect(row).toMatchObject({ status: 'needs_check', action_status: 'needs_check' });
    expect(row?.last_error).toMatch(/may have arrived/);
  });

  it('a permanent 400 is failed after one attempt', async () => {
    const [actionId = ''] = await seedActions(1, 'send_whatsapp', () => ({ number: '+919811100004' }));
    await customerWrote('+919811100004', new Date(Date.now() - 3600_000));
    whatsapp.script.set('919811100004', ['reject400']);
    await decideAction(approver, actionId, { decision: 'approve' }, config);
    await drainUntilSettled([actionId], config);
    expect((await outboxRows([actionId]))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'WhatsApp error 100: Invalid parameter',
    });
  });
});
