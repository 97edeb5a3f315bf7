import { describe, expect, it } from 'vitest';
import seed from '@/lib/providers/mirai/fixtures/action-create-order.json';
import { priceOrder } from './order-total';
import { createOrderPayload } from './schema';

const address = { firstName: 'A', address1: '1 Road', city: 'Pune', country: 'India' };
const order = (extra: object) => createOrderPayload.parse({ shippingAddress: address, ...extra });

describe('the agreed total, made exact', () => {
  it("the seed's own example (one line without a price, total 150): the line is priced at 150", () => {
    expect(priceOrder(createOrderPayload.parse(seed.event.data.payload))).toEqual({ ok: true, prices: [150], discount: null });
  });

  it('every line priced: the difference is a discount; a total above the prices is refused', () => {
    expect(priceOrder(order({ lineItems: [{ title: 'Chai', quantity: 2, price: 500 }], codCharge: 49, cartTotal: 949 }))).toEqual({
      ok: true,
      prices: [500],
      discount: 100,
    });
    expect(priceOrder(order({ lineItems: [{ title: 'Chai', quantity: 2, price: 500 }], cartTotal: 1000 }))).toEqual({
      ok: true,
      prices: [500],
      discount: null,
    });
    expect(priceOrder(order({ lineItems: [{ title: 'Chai', quantity: 1, price: 500 }], cartTotal: 600 }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/more than the lines and COD charge add up to \(500.00\)/),
    });
  });

  it('one line without a price takes what is left, in whole cents per unit, or the order is refused', () => {
    expect(
      priceOrder(
        order({
          lineItems: [
            { title: 'Chai', quantity: 1, price: 100 },
            { title: 'Tea', quantity: 2 },
          ],
          codCharge: 50,
          cartTotal: 350,
        }),
      ),
    ).toEqual({
      ok: true,
      prices: [100, 100],
      discount: null,
    });
    expect(priceOrder(order({ lineItems: [{ title: 'Tea', quantity: 3 }], cartTotal: 100 }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/100.00 for 3 × Tea is not a whole number of cents each/),
    });
    expect(priceOrder(order({ lineItems: [{ title: 'Tea', quantity: 1 }], codCharge: 50, cartTotal: 40 }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/less than the COD charge/),
    });
  });

  it('several lines without a price cannot share a total; no total leaves the prices to the store', () => {
    expect(
      priceOrder(
        order({
          lineItems: [
            { title: 'A', quantity: 1 },
            { title: 'B', quantity: 1 },
          ],
          cartTotal: 150,
        }),
      ),
    ).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/2 lines have no price/),
    });
    expect(priceOrder(order({ lineItems: [{ title: 'A', quantity: 1 }] }))).toEqual({ ok: true, prices: [null], discount: null });
  });
});
