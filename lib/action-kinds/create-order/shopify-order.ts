import { countryCode, provinceCode } from './country-codes';
import { AGREED_TOTAL_CODE, priceOrder } from './order-total';
import type { CreateOrderPayload } from './schema';

// The approved order payload as Shopify's OrderCreateOrderInput. Pure, unit-tested.
// Our key rides along twice: as a tag (searchable, so a timed-out attempt can be looked up
// before retrying) and as a note attribute (visible to the merchant).

/** Shopify tags are at most 40 characters: "cb-" and a 36-character uuid fit. */
export const keyTag = (key: string) => `cb-${key}`;

type Money = { shopMoney: { amount: string; currencyCode: string } };
const money = (amount: number, currencyCode: string): Money => ({ shopMoney: { amount: amount.toFixed(2), currencyCode } });

/** Shopify wants E.164: "+91 98111 00001" → "+919811100001". */
const e164 = (phone: string | undefined) => (phone ? phone.replace(/[\s().-]/g, '') : undefined);

/** Variant ids arrive as numbers or gids; Shopify wants the gid. */
export function variantGid(id: string): string {
  return id.startsWith('gid://') ? id : `gid://shopify/ProductVariant/${id}`;
}

/**
 * The discount that makes the agreed total exact: line prices + COD charge − the total the
 * customer agreed to (lib/action-kinds/create-order/order-total.ts).
 */
export function discountAmount(payload: CreateOrderPayload): number | null {
  const pricing = priceOrder(payload);
  return pricing.ok ? pricing.discount : null;
}

export function shopifyOrderInput(payload: CreateOrderPayload, ctx: { key: string; actionId: string; currency: string }) {
  const { currency } = ctx;
  const address = payload.shippingAddress;
  const country = countryCode(address.country);
  const province = address.province ? provinceCode(address.province, country) : null;
  const attributes = [
    { key: 'callboard_dispatch_id', value: ctx.key },
    { key: 'callboard_action_id', value: ctx.actionId },
  ];
  if (address.province && !province) attributes.push({ key: 'province', value: address.province });
  if (!country) attributes.push({ key: 'country', value: address.country });
  if (payload.abandonedCheckoutId) attributes.push({ key: 'abandoned_checkout_id', value: payload.abandonedCheckoutId });
  if (payload.discount?.reason) attributes.push({ key: 'discount_reason', value: payload.discount.reason });
  const pricing = priceOrder(payload);
  const prices = pricing.ok ? pricing.prices : payload.lineItems.map((item) => item.price ?? null);
  const off = pricing.ok ? pricing.discount : null;
  if (payload.discount?.code && off === null) attributes.push({ key: 'discount_code', value: payload.discount.code });

  return {
    currency,
    email: payload.email,
    phone: e164(payload.phone ?? address.phone),
    note: payload.note ?? undefined,
    tags: ['callboard', keyTag(ctx.key)],
    customAttributes: attributes,
    // COD: nothing is paid until delivery.
    financialStatus: payload.paymentMode === 'prepaid' ? undefined : 'PENDING',
    lineItems: payload.lineItems.map((item, i) => ({
      ...(item.variantId ? { variantId: variantGid(item.variantId) } : {}),
      ...(item.title && !item.variantId ? { title: item.title } : {}),
      ...(prices[i] != null ? { priceSet: money(prices[i], currency) } : {}),
      quantity: item.quantity,
    })),
    shippingAddress: {
      firstName: address.firstName,
      lastName: address.lastName,
      address1: address.address1,
      address2: address.address2,
      city: address.city,
      zip: address.zip,
      phone: e164(address.phone ?? payload.phone),
      ...(country ? { countryCode: country } : {}),
      ...(province ? { provinceCode: province } : {}),
    },
    ...(payload.codCharge ? { shippingLines: [{ title: 'Cash on delivery charge', code: 'COD', priceSet: money(payload.codCharge, currency) }] } : {}),
    ...(off !== null
      ? { discountCode: { itemFixedDiscountCode: { code: payload.discount?.code ?? AGREED_TOTAL_CODE, amountSet: money(off, currency) } } }
      : {}),
  };
}
