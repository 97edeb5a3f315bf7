import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import { resendAsTemplate } from '@/lib/commands/actions/resend-as-template';
import type { DispatchConfig } from '@/lib/dispatch/config';
import type { WhatsappTemplate } from '@/lib/whatsapp/templates';
import { WHATSAPP_TEMPLATES_KEY } from '@/lib/whatsapp/templates-store';
import { approver, customerWrote, drainUntilSettled, orderPayload, outboxRows, seedActions, testConfig } from '@/test/dispatch';
import { type FakeDestination, type GraphRefusal, whatsappCloudFake } from '@/test/fake-destinations';
import { testDb } from '@/test/webhooks';

// Sending WhatsApp truly, against a local Graph API: the service window is the customer's last
// message (never the call), templates carry their parameters, refusals are read by their code,
// and a message refused outside the window is re-sent as a template in one step.

let graph: FakeDestination & { refusals: Map<string, GraphRefusal[]> };
let config: DispatchConfig;

const TEMPLATES: WhatsappTemplate[] = [
  {
    name: 'order_address_needed',
    language: 'en',
    body: 'Hi {{1}}, we need your address for order {{2}} ({{3}}).',
    params: [{ source: 'customer_name' }, { source: 'order_reference' }, { source: 'order_total' }],
  },
  { name: 'order_followup', language: 'en', body: 'Thank you for your order!', params: [] },
];

beforeAll(async () => {
  graph = await whatsappCloudFake('wa-token');
  config = testConfig({
    whatsappCloud: { baseUrl: `${graph.origin}/v23.0`, phoneNumberId: '1234567890', token: 'wa-token', templateLanguage: 'en' },
  });
});

beforeEach(async () => {
  await testDb().query(
    `INSERT INTO team_setting (key, value, updated_by) VALUES ($1, $2::jsonb, 'admin@test') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [WHATSAPP_TEMPLATES_KEY, JSON.stringify(TEMPLATES)],
  );
});

afterAll(async () => {
  await graph.close();
});

/** A WhatsApp action for `number` whose call also has an order (reference in the call's metadata). */
async function messageFor(number: string, reason = 'missing_address'): Promise<string> {
  const [id = ''] = await seedActions(1, 'send_whatsapp', () => ({ number }), { reason, callEndedAt: new Date(Date.now() - 60_000) });
  await testDb().query(
    `WITH a AS (SELECT call_id, provider_call_id FROM action WHERE id = $1),
          meta AS (UPDATE call SET metadata = '{"order_reference": "ORD-1042"}' WHERE id = (SELECT call_id FROM a)),
          e AS (
            INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, payload, normalized)
            SELECT 'mirai', provider_call_id || ':order', call_id, provider_call_id, 'action', '{}', '{}' FROM a RETURNING id
          )
     INSERT INTO action (provider, event_id, call_id, provider_call_id, kind, raw_kind, payload)
     SELECT 'mirai', (SELECT id FROM e), call_id, provider_call_id, 'create_order', 'create_order', $2::jsonb FROM a`,
    [id, JSON.stringify(orderPayload('wa'))],
  );
  return id;
}

const sentTo = (digits: string) => graph.requests.filter((r) => r.key === digits).map((r) => JSON.parse(r.body));

describe('the service window is the customer’s last message', () => {
  it('a first contact right after the call is outside it: free text is refused with a 400, nothing is sent', async () => {
    const id = await messageFor('+919811200001');
    await expect(decideAction(approver, id, { decision: 'approve' }, config)).rejects.toMatchObject({
      status: 400,
      code: 'template_required',
      message: expect.stringMatching(/window is not opened: the customer has not written; choose a template/),
    });
    await expect(
      decideAction(approver, id, { decision: 'approve', payload: { number: '+919811200001', message: 'Your address please' } }, config),
    ).rejects.toMatchObject({ status: 400, code: 'template_required' });
    expect(sentTo('919811200001')).toEqual([]);
  });

  it('a reply opens it: the next approval may be free text, and it goes', async () => {
    const id = await messageFor('+919811200002');
    await customerWrote('+919811200002', new Date(Date.now() - 3 * 3600_000));
    await decideAction(approver, id, { decision: 'approve', payload: { number: '+919811200002', message: 'Got it, thanks!' } }, config);
    await drainUntilSettled([id], config);
    expect(sentTo('919811200002')).toMatchObject([{ type: 'text', text: { body: 'Got it, thanks!' } }]);
  });

  it('a reply 25 hours ago is closed again; a reply to another business number opens nothing', async () => {
    const id = await messageFor('+919811200003');
    await customerWrote('+919811200003', new Date(Date.now() - 25 * 3600_000));
    await customerWrote('+919811200003', new Date(Date.now() - 60_000), '999999');
    await expect(decideAction(approver, id, { decision: 'approve' }, config)).rejects.toMatchObject({
      code: 'template_required',
      message: expect.stringMatching(/window is closed 1h \d+m ago/),
    });
  });
});

describe('templates with parameters', () => {
  it('by name: parameters from the call and its order reach the Graph API as body components', async () => {
    const id = await messageFor('+919811200010');
    const decided = await decideAction(approver, id, { decision: 'approve', template: 'order_address_needed' }, config);
    expect(decided.dispatch).toMatchObject({ status: 'queued', destination: 'whatsapp_cloud' });
    await drainUntilSettled([id], config);
    expect(sentTo('919811200010')).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '919811200010',
        type: 'template',
        template: {
          name: 'order_address_needed',
          language: { code: 'en' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Asha' },
                { type: 'text', text: 'ORD-1042' },
                { type: 'text', text: '₹747.00' },
              ],
            },
          ],
        },
      },
    ]);
    const [row] = await outboxRows([id]);
    expect(row).toMatchObject({ status: 'sent', response_id: 'wamid.919811200010.1' });
    const { rows } = await testDb().query<{ payload: { template: { text: string } } }>('SELECT payload FROM dispatch_outbox WHERE action_id = $1', [id]);
    expect(rows[0]?.payload.template.text).toBe('Hi Asha, we need your address for order ORD-1042 (₹747.00).');
  });

  it('with the values the approver edited; a template without placeholders has no components', async () => {
    const id = await messageFor('+919811200011');
    await decideAction(
      approver,
      id,
      { decision: 'approve', template: { name: 'order_address_needed', language: 'en', parameters: ['Asha Rao', 'ORD-7', '₹1,000.00'] } },
      config,
    );
    const plain = await messageFor('+919811200012');
    await decideAction(approver, plain, { decision: 'approve', template: 'order_followup' }, config);
    await drainUntilSettled([id, plain], config);
    expect(sentTo('919811200011')[0].template.components[0].parameters.map((p: { text: string }) => p.text)).toEqual(['Asha Rao', 'ORD-7', '₹1,000.00']);
    expect(sentTo('919811200012')).toMatchObject([{ type: 'template', template: { name: 'order_followup', language: { code: 'en' } } }]);
    expect(sentTo('919811200012')[0].template.components).toBeUndefined();
  });

  it('a wrong count or an unknown template is a 400 before anything is sent (no 132000, no 132001)', async () => {
    const id = await messageFor('+919811200013');
    await expect(
      decideAction(approver, id, { decision: 'approve', template: { name: 'order_address_needed', parameters: ['x'] } }, config),
    ).rejects.toMatchObject({
      status: 400,
      code: 'template_parameters',
    });
    await expect(decideAction(approver, id, { decision: 'approve', template: 'made_up' }, config)).rejects.toMatchObject({
      status: 400,
      code: 'unknown_template',
    });
    expect(sentTo('919811200013')).toEqual([]);
  });
});

describe('refusals, by their code', () => {
  const refuse = (digits: string, ...refusals: GraphRefusal[]) => graph.refusals.set(digits, refusals);

  it('131047 fails with "send a template"; re-sending as a template sends it under the same key', async () => {
    const id = await messageFor('+919811200020');
    // The window looked open to us (a reply), yet Meta says it is not: Meta decides.
    await customerWrote('+919811200020', new Date(Date.now() - 3600_000));
    refuse('919811200020', {
      status: 400,
      code: 131047,
      message: 'Re-engagement message',
      details: 'Message failed to send because more than 24 hours have passed',
    });
    await decideAction(approver, id, { decision: 'approve' }, config);
    await drainUntilSettled([id], config);
    const [failed] = await outboxRows([id]);
    expect(failed).toMatchObject({ status: 'failed', action_status: 'failed', attempts: 1 });
    expect(failed?.last_error).toBe('WhatsApp error 131047: the customer has not written in 24 hours: send a template');

    const resent = await resendAsTemplate(approver, id, { template: 'order_address_needed' }, config);
    expect(resent).toMatchObject({ id, status: 'approved', template: 'order_address_needed' });
    await drainUntilSettled([id], config);
    const [sent] = await outboxRows([id]);
    expect(sent).toMatchObject({ id: failed?.id, status: 'sent', action_status: 'dispatched', response_id: 'wamid.919811200020.1' });
    expect(sentTo('919811200020').map((b) => b.type)).toEqual(['text', 'template']);
    const { rows } = await testDb().query('SELECT actor_email, after FROM audit_log WHERE target_id = $1 AND action = $2', [id, 'action_resent_as_template']);
    expect(rows).toMatchObject([{ actor_email: approver.email, after: { template: 'order_address_needed', parameters: ['Asha', 'ORD-1042', '₹747.00'] } }]);
    // Sent now: nothing to re-send.
    await expect(resendAsTemplate(approver, id, { template: 'order_followup' }, config)).rejects.toMatchObject({ status: 409, code: 'not_resendable' });
  });

  it('a message that failed later (status webhook: failed, 131047) can be re-sent too; viewers cannot', async () => {
    const id = await messageFor('+919811200021');
    await decideAction(approver, id, { decision: 'approve', template: 'order_followup' }, config);
    await drainUntilSettled([id], config);
    await testDb().query(
      `UPDATE action SET status = 'failed', message_state = 'failed', message_failures = '[{"code":131047,"title":"Re-engagement message"}]' WHERE id = $1`,
      [id],
    );
    await expect(resendAsTemplate({ ...approver, role: 'viewer' }, id, {}, config)).rejects.toMatchObject({ status: 403 });
    const resent = await resendAsTemplate(approver, id, {}, config);
    expect(resent.template).toBe('order_address_needed');
    await drainUntilSettled([id], config);
    expect((await outboxRows([id]))[0]).toMatchObject({ status: 'sent', action_status: 'dispatched', response_id: 'wamid.919811200021.2' });
    const { rows } = await testDb().query('SELECT message_state FROM action WHERE id = $1', [id]);
    expect(rows[0]?.message_state).toBeNull();
  });

  it('131026 is final after one attempt, explained', async () => {
    const id = await messageFor('+919811200022');
    refuse('919811200022', { status: 400, code: 131026, message: 'Message undeliverable' });
    await decideAction(approver, id, { decision: 'approve', template: 'order_followup' }, config);
    await drainUntilSettled([id], config);
    expect((await outboxRows([id]))[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: expect.stringMatching(/^WhatsApp error 131026: the message could not be delivered/),
    });
  });

  it('130429, 131056, 1 and 2 are tried again with backoff, then it goes', async () => {
    const id = await messageFor('+919811200023');
    refuse(
      '919811200023',
      { status: 400, code: 130429, message: 'Rate limit hit' },
      { status: 400, code: 131056, message: 'Pair rate limit hit' },
      { status: 500, code: 1, message: 'An unknown error occurred' },
    );
    await decideAction(approver, id, { decision: 'approve', template: 'order_followup' }, config);
    await drainUntilSettled([id], config);
    expect((await outboxRows([id]))[0]).toMatchObject({ status: 'sent', attempts: 4 });
    const { rows } = await testDb().query<{ outcome: string; error: string | null }>(
      `SELECT t.outcome, t.error FROM dispatch_attempt t JOIN dispatch_outbox o ON o.id = t.outbox_id WHERE o.action_id = $1 ORDER BY t.number`,
      [id],
    );
    expect(rows.map((r) => r.outcome)).toEqual(['retry', 'retry', 'retry', 'sent']);
    expect(rows[0]?.error).toMatch(/^WhatsApp error 130429/);
    expect(rows[1]?.error).toMatch(/^WhatsApp error 131056/);
    expect(rows[2]?.error).toMatch(/^WhatsApp error 1: /);

    const two = await messageFor('+919811200024');
    refuse('919811200024', { status: 503, code: 2, message: 'Service temporarily unavailable' });
    await decideAction(approver, two, { decision: 'approve', template: 'order_followup' }, config);
    await drainUntilSettled([two], config);
    expect((await outboxRows([two]))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('132000 and 132001 fail naming the template; 131049, 131048 and 368 fail explained', async () => {
    const cases: [string, GraphRefusal, RegExp][] = [
      [
        '919811200030',
        { status: 400, code: 132000, message: 'Number of parameters does not match' },
        /^WhatsApp error 132000: .*\(template order_followup, en\)/,
      ],
      [
        '919811200031',
        { status: 404, code: 132001, message: 'Template name does not exist in the translation' },
        /^WhatsApp error 132001: the template does not exist in that language \(template order_followup, en\)/,
      ],
      [
        '919811200032',
        { status: 400, code: 131049, message: 'Not delivered to maintain healthy ecosystem engagement' },
        /^WhatsApp error 131049: WhatsApp chose not to deliver/,
      ],
      ['919811200033', { status: 400, code: 131048, message: 'Spam rate limit hit' }, /^WhatsApp error 131048: spam rate limit/],
      [
        '919811200034',
        { status: 403, code: 368, message: 'Temporarily blocked for policies violations' },
        /^WhatsApp error 368: the WhatsApp Business account is restricted/,
      ],
    ];
    const ids: string[] = [];
    for (const [digits, refusal] of cases) {
      const id = await messageFor(`+${digits}`);
      refuse(digits, refusal);
      await decideAction(approver, id, { decision: 'approve', template: 'order_followup' }, config);
      ids.push(id);
    }
    await drainUntilSettled(ids, config);
    const rows = await outboxRows(ids);
    cases.forEach(([, , pattern], i) => {
      expect(rows.find((r) => r.action_id === ids[i])).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(pattern) });
    });
    // Only a failure a template answers may be re-sent as one.
    await expect(resendAsTemplate(approver, ids[0] ?? '', { template: 'order_address_needed' }, config)).resolves.toMatchObject({ status: 'approved' });
    await expect(resendAsTemplate(approver, ids[2] ?? '', { template: 'order_address_needed' }, config)).rejects.toMatchObject({
      status: 409,
      code: 'not_resendable',
    });
  });
});
