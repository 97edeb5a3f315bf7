import { describe, expect, it } from 'vitest';
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
const whatsapp = (over: Partial<PendingAction> = {}): PendingAction => ({
  kind: 'send_whatsapp',
  reason: 'missing_address',
  payload: {},
  createdAt: now,
  callEndedAt: new Date('2026-11-22T11:00:00Z'),
  customerNumber: '+919800000000',
  ...over,
});

describe('planApproval', () => {
  it('fills a WhatsApp message from the call and the reason', () => {
    const plan = planApproval(whatsapp(), {}, config({ whatsappCloud }), now);
    expect(plan).toMatchObject({ destination: 'whatsapp_cloud', template: null, editedPayload: null, message: 'Approved; sending to WhatsApp Cloud API.' });
    expect(plan.outboxPayload).toMatchObject({ number: '+919800000000', message: expect.stringMatching(/delivery address/) });
  });

  it('past the window, needs a listed template, but only when something would be sent', () => {
    const late = whatsapp({ callEndedAt: new Date('2026-11-21T10:00:00Z') });
    expect(() => planApproval(late, {}, config({ whatsappCloud }), now)).toThrow(/window closed 2h 0m ago; choose a pre-approved template/);
    expect(() => planApproval(late, { template: 'other' }, config({ whatsappCloud }), now)).toThrow(/not a pre-approved template/);
    expect(planApproval(late, { template: 'followup' }, config({ whatsappCloud }), now).outboxPayload).toMatchObject({
      template: { name: 'followup', language: 'en' },
    });
    expect(planApproval(late, {}, config(), now)).toMatchObject({ destination: null, message: expect.stringMatching(/^Approved\. Nothing was sent/) });
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
