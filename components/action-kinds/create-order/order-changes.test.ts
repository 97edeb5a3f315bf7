import { describe, expect, it } from 'vitest';
import { orderChanges } from './order-changes';

const original = {
  lineItems: [
    { title: 'Chai', variantId: '111', quantity: 2, price: 300 },
    { title: 'Mug', variantId: '222', quantity: 1, price: 200 },
  ],
  shippingAddress: { firstName: 'Asha', address1: '1 MG Road', city: 'Pune', zip: '411001', country: 'India' },
  paymentMode: 'cod',
  codCharge: 50,
  discount: { code: 'WELCOME10' },
  cartTotal: 730,
};

describe('order changes', () => {
  it('pairs lines by variant, and marks removed, added and changed lines', () => {
    const edited = {
      ...original,
      lineItems: [
        { title: 'Chai', variantId: '111', quantity: 3, price: 300 },
        { title: 'Biscuits', quantity: 4, price: 25 },
      ],
    };
    expect(orderChanges(original, edited, 'INR').lines.map((l) => [l.label, l.change, l.quantity, l.price])).toEqual([
      ['Chai', 'changed', ['2', '3'], ['₹300.00', '₹300.00']],
      ['Mug', 'removed', ['1', '—'], ['₹200.00', '—']],
      ['Biscuits', 'added', ['—', '4'], ['—', '₹25.00']],
    ]);
  });

  it('lists every field with both values; the changed ones say so', () => {
    const edited = { ...original, paymentMode: 'prepaid', codCharge: 0, cartTotal: 680, shippingAddress: { ...original.shippingAddress, zip: '411002' } };
    const fields = orderChanges(original, edited, 'INR').fields;
    const changed = fields.filter((f) => f.changed).map((f) => [f.label, f.before, f.after]);
    expect(changed).toEqual([
      ['Payment', 'COD', 'Prepaid'],
      ['COD charge', '₹50.00', '₹0.00'],
      ['Cart total', '₹730.00', '₹680.00'],
      ['PIN / ZIP', '411001', '411002'],
    ]);
    expect(fields.find((f) => f.label === 'City')).toMatchObject({ before: 'Pune', after: 'Pune', changed: false });
  });

  it('nothing changed: no line or field is marked', () => {
    const same = orderChanges(original, structuredClone(original), 'INR');
    expect(same.lines.every((l) => l.change === 'same')).toBe(true);
    expect(same.fields.some((f) => f.changed)).toBe(false);
  });
});
