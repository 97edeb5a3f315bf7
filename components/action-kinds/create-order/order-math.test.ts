import { describe, expect, it } from 'vitest';
import { orderLines, orderTotals, repriced } from './order-math';

describe('order math', () => {
  it('adds the order up and works out the quoted discount', () => {
    const payload = {
      lineItems: [
        { title: 'Chai', quantity: 2, price: 349 },
        { variantId: 7, quantity: 1, price: 100 },
      ],
      codCharge: 49,
      cartTotal: 800,
    };
    expect(orderLines(payload).map((l) => [l.label, l.total])).toEqual([
      ['Chai', 698],
      ['Variant 7', 100],
    ]);
    expect(orderTotals(payload)).toEqual({ subtotal: 798, codCharge: 49, cartTotal: 800, discount: 47 });
    expect(orderTotals({ lineItems: [{ title: 'x', quantity: 1 }], cartTotal: 5 })).toMatchObject({ subtotal: null, discount: null });
  });

  it('reprices the cart when quantities change, keeping the quoted discount', () => {
    const original = { lineItems: [{ title: 'Chai', quantity: 1, price: 400 }], codCharge: 50, cartTotal: 410 };
    expect(repriced(original, { ...original, lineItems: [{ title: 'Chai', quantity: 3, price: 400 }] }).cartTotal).toBe(1210);
    expect(repriced(original, { ...original, note: 'x' })).toEqual({ ...original, note: 'x' });
    const unpriced = { lineItems: [{ title: 'Chai', quantity: 1 }], cartTotal: 10 };
    expect(repriced(unpriced, { ...unpriced, lineItems: [{ title: 'Chai', quantity: 2 }] }).cartTotal).toBe(10);
  });
});
