import { describe, expect, it } from 'vitest';
import fixture from '@/lib/providers/mirai/fixtures/action-create-order-v1.json';
import { countryCode, provinceCode } from './country-codes';
import { createOrderPayload } from './schema';
import { discountAmount, keyTag, shopifyOrderInput, variantGid } from './shopify-order';

const KEY = '0b7e2c1a-1d2f-4c3b-9a8e-5f6d7c8b9a0e';

describe('Shopify order input', () => {
  it('maps the Mirai v1 fixture: tag and note attribute carry our key, COD pending, COD charge as a shipping line', () => {
    const payload = createOrderPayload.parse({
      ...fixture.event.data.payload,
      paymentMode: 'cod',
      lineItems: [{ title: 'Sample Product', quantity: 1, price: 1845 }],
    });
    const input = shopifyOrderInput(payload, { key: KEY, actionId: 'a1', currency: 'INR' });
    expect(keyTag(KEY).length).toBeLessThanOrEqual(40);
    expect(input.tags).toEqual(['callboard', `cb-${KEY}`]);
    expect(input.customAttributes).toContainEqual({ key: 'callboard_dispatch_id', value: KEY });
    expect(input.financialStatus).toBe('PENDING');
    expect(input.lineItems).toEqual([{ title: 'Sample Product', priceSet: { shopMoney: { amount: '1845.00', currencyCode: 'INR' } }, quantity: 1 }]);
    expect(input.shippingAddress).toMatchObject({ firstName: 'Jane', lastName: 'Smith', countryCode: 'IN', provinceCode: 'KA', zip: '560001' });
    expect(input.shippingLines).toEqual([{ title: 'Cash on delivery charge', code: 'COD', priceSet: { shopMoney: { amount: '50.00', currencyCode: 'INR' } } }]);
    // 1845 + 50 COD − 1895 total = no discount left to apply: the code is kept as an attribute.
    expect(input.discountCode).toBeUndefined();
    expect(input.customAttributes).toContainEqual({ key: 'discount_code', value: 'SAVE10' });
  });

  it('applies the quoted discount as a fixed amount when prices and total say how much it was', () => {
    const payload = createOrderPayload.parse({
      lineItems: [{ variantId: 4711, quantity: 2, price: 500 }],
      shippingAddress: { firstName: 'A', address1: '1 Road', city: 'Pune', country: 'India', province: 'Maharashtra' },
      cartTotal: 949,
      codCharge: 49,
      discount: { code: 'TEN', reason: 'r' },
    });
    expect(discountAmount(payload)).toBe(100);
    const input = shopifyOrderInput(payload, { key: KEY, actionId: 'a1', currency: 'INR' });
    expect(input.discountCode).toEqual({ itemFixedDiscountCode: { code: 'TEN', amountSet: { shopMoney: { amount: '100.00', currencyCode: 'INR' } } } });
    expect(input.lineItems[0]).toMatchObject({ variantId: 'gid://shopify/ProductVariant/4711', quantity: 2 });
    expect(createOrderPayload.parse({ ...payload, phone: '+91 98111-00001' }).phone).toBe('+91 98111-00001');
    expect(shopifyOrderInput(createOrderPayload.parse({ ...payload, phone: '+91 98111-00001' }), { key: KEY, actionId: 'a1', currency: 'INR' }).phone).toBe(
      '+919811100001',
    );
  });

  it('turns names into ISO codes, and keeps what it cannot code', () => {
    expect(countryCode('India')).toBe('IN');
    expect(countryCode('us')).toBe('US');
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('Atlantis')).toBeNull();
    expect(provinceCode('Tamil Nadu', 'IN')).toBe('TN');
    expect(provinceCode('NY', 'US')).toBe('NY');
    expect(provinceCode('New York', 'US')).toBeNull();
    expect(variantGid('gid://shopify/ProductVariant/1')).toBe('gid://shopify/ProductVariant/1');
  });
});
