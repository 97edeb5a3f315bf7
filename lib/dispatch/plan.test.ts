import { describe, expect, it } from 'vitest';
import type { WhatsappTemplate } from '@/lib/whatsapp/templates';
import type { DispatchConfig } from './config';
import { type PendingAction, planApproval } from './plan';

const config = (over: Partial<DispatchConfig> = {}): DispatchConfig => ({
  shopify: null,
  orderWebhook: null,
  whatsappCloud: null,
  whatsappWebhook: null,
  templates: ['followup'],
  templateLanguage: 'en',
  currency: 'INR',
  slack: null,
  email: null,
  appUrl: null,
  insecureHosts: [],
  timeoutMs: 1000,
  policy: { maxAttempts: 8, baseMs: 60_000, factor: 3, maxMs: 43_200_000 },
  ...over,
});
const whatsappCloud = { baseUrl: 'https://graph.facebook.com/v23.0', phoneNumberId: '1', token: 't', templateLanguage: 'en' };
const now = new Date('2026-11-22T12:00:00Z');
const templates: WhatsappTemplate[] = [
  { name: 'followup', language: 'en', body: '', params: [] },
  {
    name: 'order_address_needed',
    language: 'en',
    body: 'Hi {{1}}, we need your address for order {{2}}.',
    params: [{ source: 'customer_name' }, { source: 'order_reference' }],
  },
];
const facts = { callId: 'c1', customerName: 'Asha', orderReference: 'ORD-1042', orderTotal: null, orderItems: null };
const whatsapp = (over: Partial<PendingAction> = {}): PendingAction => ({
  kind: 'send_whatsapp',
  reason: 'missing_address',
  payload: {},
  createdAt: now,
  callEndedAt: new Date('2026-11-22T11:00:00Z'),
  customerNumber: '+919800000000',
  // The customer wrote an hour ago: the window is open.
  lastInboundAt: new Date('2026-11-22T11:00:00Z'),
  facts,
  ...over,
});

describe('planApproval', () => {
  it('fills a WhatsApp message from the call and the reason inside the window', () => {
    const plan = planApproval(whatsapp(), {}, config({ whatsappCloud }), now, templates);
    expect(plan).toMatchObject({ destination: 'whatsapp_cloud', template: null, editedPayload: null, message: 'Approved; sending to WhatsApp Cloud API.' });
    expect(plan.outboxPayload).toMatchObject({ number: '+919800000000', message: expect.stringMatching(/delivery address/) });
  });

  it("the window is the customer's last message, never the call: a call an hour ago opens nothing", () => {
    const first = whatsapp({ lastInboundAt: null });
    expect(() => planApproval(first, {}, config({ whatsappCloud }), now, templates)).toThrow(
      /Free text cannot go: the customer's WhatsApp service window is not opened: the customer has not written; choose a template/,
    );
    const stale = whatsapp({ lastInboundAt: new Date('2026-11-21T10:00:00Z') });
    expect(() => planApproval(stale, {}, config({ whatsappCloud }), now, templates)).toThrow(/window is closed 2h 0m ago/);
    // An edited free text outside the window is refused the same way.
    expect(() => planApproval(first, { payload: { number: '+919800000000', message: 'hello' } }, config({ whatsappCloud }), now, templates)).toThrow(
      /Free text cannot go/,
    );
    // Nothing is sent anywhere: nothing to refuse.
    expect(planApproval(first, {}, config(), now, templates)).toMatchObject({
      destination: null,
      message: expect.stringMatching(/^Approved\. Nothing was sent/),
    });
  });

  it('a template by name gets its parameters from their sources; by object, the values given', () => {
    const first = whatsapp({ lastInboundAt: null });
    const byName = planApproval(first, { template: 'order_address_needed' }, config({ whatsappCloud }), now, templates);
    expect(byName.template).toBe('order_address_needed');
    expect(byName.outboxPayload).toMatchObject({
      number: '+919800000000',
      template: { name: 'order_address_needed', language: 'en', parameters: ['Asha', 'ORD-1042'], text: 'Hi Asha, we need your address for order ORD-1042.' },
    });
    expect(byName.outboxPayload.message).toBeUndefined();
    const byObject = planApproval(
      first,
      { template: { name: 'order_address_needed', parameters: ['Ravi', 'X-9'] } },
      config({ whatsappCloud }),
      now,
      templates,
    );
    expect(byObject.outboxPayload).toMatchObject({ template: { parameters: ['Ravi', 'X-9'] } });
    // The edit form puts the choice in the payload.
    const edited = planApproval(
      first,
      { payload: { number: '+919800000001', template: { name: 'order_address_needed', language: 'en', parameters: ['Meera', 'Y-1'] } } },
      config({ whatsappCloud }),
      now,
      templates,
    );
    expect(edited.outboxPayload).toMatchObject({ number: '+919800000001', template: { parameters: ['Meera', 'Y-1'], text: expect.stringContaining('Meera') } });
  });

  it('refuses a template Meta would refuse, before sending: unknown (132001), wrong count (132000), empty value', () => {
    const first = whatsapp({ lastInboundAt: null });
    const cloud = config({ whatsappCloud });
    expect(() => planApproval(first, { template: 'other' }, cloud, now, templates)).toThrow(/"other" is not a configured WhatsApp template/);
    expect(() => planApproval(first, { template: { name: 'order_address_needed', parameters: ['a'] } }, cloud, now, templates)).toThrow(
      /has 2 parameters .*; 1 given/,
    );
    expect(() =>
      planApproval(whatsapp({ lastInboundAt: null, facts: { ...facts, orderReference: null } }), { template: 'order_address_needed' }, cloud, now, templates),
    ).toThrow(/\{\{2\}\} \(Order reference\) is empty/);
  });

  it('validates edits with the API schema and refuses edits of kinds without a payload', () => {
    const order: PendingAction = { kind: 'create_order', reason: null, payload: {}, createdAt: now, callEndedAt: null, customerNumber: null };
    expect(() => planApproval(order, {}, config(), now)).toThrow(/cannot be sent as it is; edit it first: lineItems/);
    expect(() => planApproval(order, { payload: { lineItems: [] } }, config(), now)).toThrow(
      /edited payload is not valid: lineItems: needs at least one line item/,
    );
    expect(() => planApproval({ ...order, kind: 'mark_prepaid' }, { payload: {} }, config(), now)).toThrow(/have no payload to edit/);
    expect(planApproval({ ...order, kind: 'mark_prepaid' }, {}, config(), now)).toMatchObject({ dispatchable: false });
  });
});
