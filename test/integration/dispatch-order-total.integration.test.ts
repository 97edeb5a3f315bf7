import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import type { DispatchConfig } from '@/lib/dispatch/config';
import seed from '@/lib/providers/mirai/fixtures/action-create-order.json';
import { approver, drainUntilSettled, outboxRows, seedActions, testConfig, WEBHOOK_SECRET } from '@/test/dispatch';
import { type FakeDestination, shopifyFake, standardWebhookFake } from '@/test/fake-destinations';
import { testDb } from '@/test/webhooks';

// Orders as the customer agreed them: the agreed total reaches the destination exactly, in the
// store's currency, and a total that cannot be carried is refused before approval.

let shop: Awaited<ReturnType<typeof shopifyFake>>;
let endpoint: FakeDestination;
let toShopify: DispatchConfig;
let toEndpoint: DispatchConfig;

beforeAll(async () => {
  shop = await shopifyFake('shpat_total');
  shop.currency = 'USD';
  endpoint = await standardWebhookFake(WEBHOOK_SECRET);
  // ORDER_CURRENCY says INR; the shop itself sells in USD: the shop's word is the one used.
  toShopify = testConfig({ shopify: { domain: shop.host, token: 'shpat_total', apiVersion: '2025-10', currency: 'INR' }, currency: 'USD' });
  toEndpoint = testConfig({ orderWebhook: { url: `${endpoint.origin}/orders`, secret: WEBHOOK_SECRET }, currency: 'INR' });
});

afterAll(() => Promise.all([shop.close(), endpoint.close()]));

const seedOrder = seed.event.data.payload;

function shopifyTotal(input: Record<string, unknown>): number {
  const lines = input.lineItems as { quantity: number; priceSet?: { shopMoney: { amount: string } } }[];
  const shipping = (input.shippingLines as { priceSet: { shopMoney: { amount: string } } }[] | undefined) ?? [];
  const discount = (input.discountCode as { itemFixedDiscountCode?: { amountSet: { shopMoney: { amount: string } } } } | undefined)?.itemFixedDiscountCode;
  const cents =
    lines.reduce((sum, l) => sum + Math.round(Number(l.priceSet?.shopMoney.amount ?? Number.NaN) * 100) * l.quantity, 0) +
    shipping.reduce((sum, s) => sum + Math.round(Number(s.priceSet.shopMoney.amount) * 100), 0) -
    Math.round(Number(discount?.amountSet.shopMoney.amount ?? 0) * 100);
  return cents / 100;
}

describe('the agreed total reaches the destination', () => {
  it("Shopify: the seed's own example (a line without a price, total 150, a US address) becomes an order totalling 150 in the shop's currency", async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => seedOrder);
    await decideAction(approver, actionId, { decision: 'approve' }, toShopify);
    await drainUntilSettled([actionId], toShopify);
    const [row] = await outboxRows([actionId]);
    expect(row).toMatchObject({ status: 'sent' });
    const order = shop.orders.find((o) => o.tags.includes(`cb-${row?.id}`));
    expect(order?.input.currency).toBe('USD');
    expect(shopifyTotal(order?.input ?? {})).toBe(150);
    expect(order?.input.lineItems).toEqual([
      { variantId: 'gid://shopify/ProductVariant/123', priceSet: { shopMoney: { amount: '150.00', currencyCode: 'USD' } }, quantity: 1 },
    ]);
  });

  it('Shopify: prices, a COD charge and a total below them become a discount that makes the total exact', async () => {
    const payload = { ...seedOrder, lineItems: [{ title: 'Chai', quantity: 3, price: 40 }], codCharge: 5, cartTotal: 110 };
    const [actionId = ''] = await seedActions(1, 'create_order', () => payload);
    await decideAction(approver, actionId, { decision: 'approve' }, toShopify);
    await drainUntilSettled([actionId], toShopify);
    const [row] = await outboxRows([actionId]);
    const order = shop.orders.find((o) => o.tags.includes(`cb-${row?.id}`));
    expect(shopifyTotal(order?.input ?? {})).toBe(110);
    expect(order?.input.discountCode).toMatchObject({ itemFixedDiscountCode: { code: 'AGREED-TOTAL', amountSet: { shopMoney: { amount: '15.00' } } } });
  });

  it('own endpoint: the total as sent, with the store currency beside it', async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => seedOrder);
    await decideAction(approver, actionId, { decision: 'approve' }, toEndpoint);
    await drainUntilSettled([actionId], toEndpoint);
    const [row] = await outboxRows([actionId]);
    const sent = JSON.parse(endpoint.requests.find((r) => r.key === row?.id)?.body ?? '{}');
    expect(sent.data.payload).toMatchObject({ cartTotal: 150, currency: 'INR', lineItems: [{ variantId: '123', quantity: 1 }] });
  });
});

describe('a total that cannot be carried is refused before approval, with the reason', () => {
  it('two lines without a price and a total, to Shopify: 400, the action stays pending, nothing queued', async () => {
    const payload = {
      ...seedOrder,
      lineItems: [
        { variantId: '1', quantity: 1 },
        { variantId: '2', quantity: 1 },
      ],
    };
    const [actionId = ''] = await seedActions(1, 'create_order', () => payload);
    await expect(decideAction(approver, actionId, { decision: 'approve' }, toShopify)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/Shopify cannot carry this order's total exactly: 2 lines have no price/),
    });
    const { rows } = await testDb().query('SELECT status FROM action WHERE id = $1', [actionId]);
    expect(rows[0].status).toBe('pending');
    expect(await outboxRows([actionId])).toEqual([]);
  });

  it('a total above the prices, to Shopify; and an order quoted in another currency, anywhere', async () => {
    const above = { ...seedOrder, lineItems: [{ title: 'Chai', quantity: 1, price: 100 }], cartTotal: 150 };
    const [a = ''] = await seedActions(1, 'create_order', () => above);
    await expect(decideAction(approver, a, { decision: 'approve' }, toShopify)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/more than the lines and COD charge add up to \(100.00\)/),
    });
    const [b = ''] = await seedActions(1, 'create_order', () => ({ ...seedOrder, currency: 'EUR' }));
    await expect(decideAction(approver, b, { decision: 'approve' }, toEndpoint)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/agreed in EUR, but the store sells in INR/),
    });
  });
});
