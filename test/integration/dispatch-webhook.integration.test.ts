import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import { markActionSent } from '@/lib/commands/actions/mark-sent';
import { redispatchAction } from '@/lib/commands/actions/redispatch';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { drainOutbox } from '@/lib/dispatch/drain';
import { approver, attemptsOf, customerWrote, drainUntilSettled, orderPayload, outboxRows, seedActions, testConfig, WEBHOOK_SECRET } from '@/test/dispatch';
import { type Behaviour, type FakeDestination, standardWebhookFake } from '@/test/fake-destinations';
import { testDb } from '@/test/webhooks';

// Orders and WhatsApp messages to a generic endpoint signed the Standard Webhooks way. The
// endpoint cannot be asked whether a timed-out request arrived, so that case is needs_check.

let endpoint: FakeDestination;
let config: DispatchConfig;

beforeAll(async () => {
  endpoint = await standardWebhookFake(WEBHOOK_SECRET);
  config = testConfig({
    orderWebhook: { url: `${endpoint.origin}/orders`, secret: WEBHOOK_SECRET },
    whatsappWebhook: { url: `${endpoint.origin}/whatsapp`, secret: WEBHOOK_SECRET },
  });
});

afterAll(() => endpoint.close());

async function approvedOrder(script: Behaviour[] = [], cfg = config): Promise<{ actionId: string; key: string }> {
  const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('webhook'));
  await decideAction(approver, actionId, { decision: 'approve' }, cfg);
  const [row] = await outboxRows([actionId]);
  if (!row) throw new Error('no outbox row');
  endpoint.script.set(row.id, [...script]);
  return { actionId, key: row.id };
}

const requestsFor = (key: string) => endpoint.requests.filter((r) => r.key === key);

describe('generic endpoint (Standard Webhooks)', () => {
  it('success: signed with webhook-id = the outbox id, body names the action; one delivery', async () => {
    const { actionId, key } = await approvedOrder();
    await drainUntilSettled([actionId], config);
    const [request] = requestsFor(key);
    expect(requestsFor(key)).toHaveLength(1);
    expect(request?.path).toBe('/orders');
    expect(request?.headers.get('webhook-signature')).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      type: 'order.create',
      data: { idempotencyKey: key, action: { id: actionId, kind: 'create_order' }, payload: { note: 'webhook' } },
    });
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'sent', action_status: 'dispatched', response_id: `rcpt_${key.slice(0, 8)}_1` });
  });

  it('500 then success: the same webhook-id both times, one effect', async () => {
    const { actionId, key } = await approvedOrder(['fail500']);
    await drainUntilSettled([actionId], config);
    expect(requestsFor(key).map((r) => r.headers.get('webhook-id'))).toEqual([key, key]);
    expect(endpoint.effects.get(key)).toBe(1);
  });

  it('timeout after success: needs check, not a second delivery; a person marks it sent', async () => {
    const { actionId, key } = await approvedOrder(['lateOk']);
    await drainUntilSettled([actionId], config);
    expect(endpoint.effects.get(key)).toBe(1);
    expect(requestsFor(key)).toHaveLength(1);
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'needs_check', action_status: 'needs_check' });
    await markActionSent(approver, actionId, 'checked in the warehouse system');
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'sent', action_status: 'dispatched', response_id: 'checked in the warehouse system' });
    await expect(markActionSent(approver, actionId, null)).rejects.toMatchObject({ status: 409 });
  });

  it('429 with Retry-After, then one delivery', async () => {
    const { actionId, key } = await approvedOrder(['throttle:1']);
    const before = Date.now();
    await drainOutbox({ actionIds: [actionId], config });
    expect((await outboxRows([actionId]))[0]?.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + 900);
    await drainUntilSettled([actionId], config);
    expect(endpoint.effects.get(key)).toBe(1);
    expect((await attemptsOf(actionId)).map((a) => a.http_status)).toEqual([429, 200]);
  });

  it('nothing listening (connection refused) is safe to retry: pending again, not needs check', async () => {
    const gone = await standardWebhookFake(WEBHOOK_SECRET);
    await gone.close();
    const down = testConfig({ orderWebhook: { url: `${gone.origin}/orders`, secret: WEBHOOK_SECRET } });
    const { actionId } = await approvedOrder([], down);
    await drainOutbox({ actionIds: [actionId], config: down });
    expect((await outboxRows([actionId]))[0]).toMatchObject({
      status: 'pending',
      action_status: 'approved',
      last_error: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('permanent 400: failed, not retried', async () => {
    const { actionId, key } = await approvedOrder(['reject400']);
    await drainUntilSettled([actionId], config);
    expect(requestsFor(key)).toHaveLength(1);
    expect(endpoint.effects.get(key)).toBeUndefined();
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'failed', action_status: 'failed', last_status: 400 });
  });

  it('WhatsApp through the endpoint carries the number and the message', async () => {
    const [actionId = ''] = await seedActions(1, 'send_whatsapp', () => ({}), { reason: 'missing_first_name' });
    // The customer wrote an hour ago: free text may go (their WhatsApp service window is open).
    await customerWrote('+919800000000', new Date(Date.now() - 3600_000));
    await decideAction(approver, actionId, { decision: 'approve' }, config);
    await drainUntilSettled([actionId], config);
    const [row] = await outboxRows([actionId]);
    const [request] = requestsFor(row?.id ?? '');
    expect(request?.path).toBe('/whatsapp');
    // No number in the payload: the customer on the call.
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      type: 'whatsapp.send',
      data: { payload: { number: '+919800000000', message: expect.stringMatching(/reply with your name/) } },
    });
  });

  it('refuses plain http to a host not allowed for tests, and logs it; nothing is sent', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const insecure = testConfig({ orderWebhook: { url: `http://localhost:${new URL(endpoint.origin).port}/orders`, secret: WEBHOOK_SECRET } });
    const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('refused'));
    await decideAction(approver, actionId, { decision: 'approve' }, insecure);
    const before = endpoint.requests.length;
    await drainUntilSettled([actionId], insecure);
    expect(endpoint.requests.length).toBe(before);
    expect((await outboxRows([actionId]))[0]).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/^Refused: http:\/\/localhost:\d+ is not https/),
    });
    expect((await attemptsOf(actionId)).map((a) => a.outcome)).toEqual(['refused']);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/\[dispatch\] refused/));
    errors.mockRestore();
  });
});

describe('approving with nothing configured, and kinds never sent', () => {
  it('records the decision, says nothing was sent, and can be sent once a destination exists', async () => {
    const none = testConfig();
    const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('later'));
    const decided = await decideAction(approver, actionId, { decision: 'approve' }, none);
    expect(decided).toMatchObject({
      status: 'approved',
      dispatch: { status: 'skipped', destination: null, message: expect.stringMatching(/Nothing was sent: no destination is configured for orders/) },
    });
    expect((await outboxRows([actionId]))[0]).toMatchObject({ status: 'skipped', action_status: 'approved' });
    await expect(redispatchAction(approver, actionId, none)).rejects.toMatchObject({ status: 409, code: 'not_configured' });

    await redispatchAction(approver, actionId, config);
    await drainUntilSettled([actionId], config);
    const [row] = await outboxRows([actionId]);
    expect(row).toMatchObject({ status: 'sent', action_status: 'dispatched' });
    expect(endpoint.effects.get(row?.id ?? '')).toBe(1);
  });

  it('mark_prepaid is approved without an outbox row', async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => ({}));
    await testDb().query(`UPDATE action SET kind = 'mark_prepaid', raw_kind = 'mark_prepaid' WHERE id = $1`, [actionId]);
    const decided = await decideAction(approver, actionId, { decision: 'approve' }, config);
    expect(decided.dispatch).toMatchObject({ status: 'none', message: expect.stringMatching(/does not send mark_prepaid/) });
    expect(await outboxRows([actionId])).toEqual([]);
  });
});

describe('edit then approve', () => {
  it('keeps the original beside the edit, sends the edit, audits before and after', async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('edit'));
    const edited = {
      ...orderPayload('edit'),
      lineItems: [{ title: 'Masala Chai 250g', variantId: '44001', quantity: 3, price: 349 }],
      shippingAddress: { ...orderPayload('edit').shippingAddress, address1: '14 MG Road, 2nd floor' },
      note: 'fixed on review',
    };
    await decideAction(approver, actionId, { decision: 'approve', payload: edited, note: 'house number was wrong' }, config);
    const { rows } = await testDb().query('SELECT payload, edited_payload, decision_note FROM action WHERE id = $1', [actionId]);
    expect(rows[0].payload.shippingAddress.address1).toBe('12 MG Road');
    expect(rows[0].edited_payload).toMatchObject({ note: 'fixed on review', shippingAddress: { address1: '14 MG Road, 2nd floor' } });
    expect(rows[0].decision_note).toBe('house number was wrong');
    const audit = await testDb().query(`SELECT before, after FROM audit_log WHERE target_id = $1`, [actionId]);
    expect(audit.rows[0].before.payload.shippingAddress.address1).toBe('12 MG Road');
    expect(audit.rows[0].after.payload.shippingAddress.address1).toBe('14 MG Road, 2nd floor');

    await drainUntilSettled([actionId], config);
    const [row] = await outboxRows([actionId]);
    const sent = JSON.parse(requestsFor(row?.id ?? '')[0]?.body ?? '{}');
    expect(sent.data.payload).toMatchObject({ note: 'fixed on review', lineItems: [{ quantity: 3 }], shippingAddress: { address1: '14 MG Road, 2nd floor' } });
  });

  it('refuses an edit the schema rejects, naming the field; the action stays pending', async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('bad-edit'));
    const bad = { ...orderPayload('bad-edit'), lineItems: [{ title: 'Chai', quantity: 0 }] };
    await expect(decideAction(approver, actionId, { decision: 'approve', payload: bad }, config)).rejects.toMatchObject({
      status: 400,
      code: 'invalid_payload',
      message: expect.stringMatching(/lineItems\.0\.quantity: must be at least 1/),
    });
    const { rows } = await testDb().query('SELECT status FROM action WHERE id = $1', [actionId]);
    expect(rows[0].status).toBe('pending');
  });

  it('an order that cannot be sent as it came must be edited first', async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => ({ phone: '+919800000001', shippingAddress: { address1: '12 MG Road', city: 'Pune' } }));
    await expect(decideAction(approver, actionId, { decision: 'approve' }, config)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/edit it first: lineItems/),
    });
  });
});
