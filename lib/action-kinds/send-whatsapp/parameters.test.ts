import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WhatsappTemplate } from '@/lib/whatsapp/templates';
import { chooseTemplate, defaultParameters, parameterValue, type TemplateFacts, templateFacts } from './parameters';

const address: WhatsappTemplate = {
  name: 'order_address_needed',
  language: 'en',
  body: 'Hi {{1}}, we need your address for order {{2}} ({{3}}: {{4}}). Reply here or use {{5}}. {{6}}',
  params: [
    { source: 'customer_name' },
    { source: 'order_reference' },
    { source: 'order_total' },
    { source: 'order_items' },
    { source: 'link', value: 'https://shop.example/o/{order_reference}?c={call_id}' },
    { source: 'text', value: 'Thank you!' },
  ],
};
const seeded: WhatsappTemplate = { name: 'followup', language: 'en', body: '', params: [] };
const order = {
  lineItems: [
    { title: 'Masala Chai 250g', quantity: 2, price: 349 },
    { variantId: '44002', quantity: 1 },
  ],
  shippingAddress: { firstName: 'Asha', lastName: 'Rao' },
  cartTotal: 796,
};

describe('template parameters from the call and its order', () => {
  it('gathers the facts: the message names the customer first, then the order, then the call', () => {
    const facts = templateFacts({ callId: 'c1', payload: {}, metadata: { order_reference: 'ORD-1042' }, variables: {}, order, currency: 'INR' });
    expect(facts).toEqual({
      callId: 'c1',
      customerName: 'Asha',
      orderReference: 'ORD-1042',
      orderTotal: '₹796.00',
      orderItems: '2 × Masala Chai 250g, 1 × item 44002',
    });
    expect(
      templateFacts({ callId: 'c1', payload: { name: 'Ravi' }, metadata: { customer_name: 'X' }, variables: {}, order, currency: 'INR' }).customerName,
    ).toBe('Ravi');
    expect(templateFacts({ callId: null, payload: {}, metadata: {}, variables: { customer_name: 'Meera' }, order: null, currency: 'USD' })).toEqual({
      callId: null,
      customerName: 'Meera',
      orderReference: null,
      orderTotal: null,
      orderItems: null,
    });
    // The order sent to Shopify names itself by its id.
    expect(
      templateFacts({ callId: null, payload: {}, metadata: {}, variables: {}, order, orderId: 'gid://shopify/Order/1042', currency: 'INR' }).orderReference,
    ).toBe('1042');
  });

  it("fills each parameter from its source; a link gets the call's id and the order's reference", () => {
    const facts: TemplateFacts = { callId: 'c1', customerName: 'Asha', orderReference: 'ORD-1', orderTotal: '₹796.00', orderItems: '2 × Chai' };
    expect(defaultParameters(address, facts)).toEqual(['Asha', 'ORD-1', '₹796.00', '2 × Chai', 'https://shop.example/o/ORD-1?c=c1', 'Thank you!']);
    expect(parameterValue({ source: 'customer_name' }, { ...facts, customerName: null })).toBe('');
    expect(defaultParameters(seeded, facts)).toEqual([]);
    // A link naming a fact the call lacks is left for the approver, never sent broken.
    expect(parameterValue({ source: 'link', value: 'https://shop.example/o/{order_reference}' }, { ...facts, orderReference: null })).toBe('');
  });

  it('a choice by name fills parameters from the sources; an object keeps the values given', () => {
    const facts: TemplateFacts = { callId: 'c1', customerName: 'Asha', orderReference: 'ORD-1', orderTotal: '₹1', orderItems: 'x' };
    expect(chooseTemplate([seeded, address], 'order_address_needed', facts)).toMatchObject({
      ok: true,
      choice: { name: 'order_address_needed', language: 'en' },
    });
    const given = ['A', 'B', 'C', 'D', 'E', 'F'];
    expect(chooseTemplate([address], { name: 'order_address_needed', language: 'en', parameters: given }, facts)).toEqual({
      ok: true,
      template: address,
      choice: { name: 'order_address_needed', language: 'en', parameters: given },
      text: 'Hi A, we need your address for order B (C: D). Reply here or use E. F',
    });
  });

  it('refuses before sending what Meta would refuse: an unknown template, a wrong count, an empty value', () => {
    const facts: TemplateFacts = { callId: null, customerName: null, orderReference: null, orderTotal: null, orderItems: null };
    expect(chooseTemplate([address], 'nope', facts)).toMatchObject({ ok: false, code: 'unknown_template' });
    expect(chooseTemplate([address], { name: 'order_address_needed', language: 'pt_BR', parameters: [] }, facts)).toMatchObject({
      ok: false,
      code: 'unknown_template',
    });
    expect(chooseTemplate([address], { name: 'order_address_needed', parameters: ['a'] }, facts)).toMatchObject({
      ok: false,
      code: 'template_parameters',
      message: expect.stringMatching(/has 6 parameters \(\{\{1\}\}…\{\{6\}\}\); 1 given/),
    });
    expect(chooseTemplate([address], 'order_address_needed', facts)).toMatchObject({
      ok: false,
      code: 'template_parameters',
      message: expect.stringMatching(/\{\{1\}\} \(Customer name\) is empty/),
    });
    expect(chooseTemplate([seeded], { name: 'followup', parameters: ['x'] }, facts)).toMatchObject({ ok: false, code: 'template_parameters' });
  });

  it('never throws, and any values of the right count render into the body', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
          { minLength: 6, maxLength: 6 },
        ),
        (values) => {
          const result = chooseTemplate([address], { name: address.name, parameters: values }, defaultFactsFor());
          expect(result.ok).toBe(true);
          if (result.ok) for (const v of values) expect(result.text).toContain(v.trim());
        },
      ),
    );
  });
});

function defaultFactsFor(): TemplateFacts {
  return { callId: null, customerName: null, orderReference: null, orderTotal: null, orderItems: null };
}

describe('the template to start with', () => {
  it('is the first the call fills completely, a template that just failed last', async () => {
    const { startingTemplate } = await import('./parameters');
    const facts: TemplateFacts = { callId: 'c1', customerName: null, orderReference: null, orderTotal: null, orderItems: '1 × Chai' };
    const items: WhatsappTemplate = { name: 'items', language: 'en', body: 'Your {{1}}', params: [{ source: 'order_items' }] };
    expect(startingTemplate([address, items, seeded], facts)?.name).toBe('items');
    expect(startingTemplate([address, items, seeded], facts, 'items')?.name).toBe('followup');
    expect(startingTemplate([address], facts)?.name).toBe('order_address_needed');
    expect(startingTemplate([], facts)).toBeUndefined();
  });
});
