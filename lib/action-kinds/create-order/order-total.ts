import type { CreateOrderPayload } from './schema';

// The total the customer agreed to (`cartTotal`), made exact in an order Shopify will total
// itself: lines × prices + the COD charge − a fixed discount. Pure, unit-tested.
//
// - Every line priced: the difference is a discount (the quoted code, or AGREED-TOTAL). A total
//   above the prices cannot be made (Shopify has no surcharge), so it is refused.
// - One line without a price: it is priced so the total comes out exact, when that is a whole
//   number of cents per unit.
// - Several lines without a price: there is no one way to split the total; refused.
// - No cartTotal: Shopify prices the lines itself, as before.
// A refusal comes before approval, with the reason, so a person fixes the order first.

const cents = (n: number) => Math.round(n * 100);
const fromCents = (c: number) => c / 100;

/** The code a discount goes under when the agent quoted none. */
export const AGREED_TOTAL_CODE = 'AGREED-TOTAL';

export type OrderPricing =
  /** Unit prices per line (null: the store's own price) and the discount that makes the total exact. */
  { ok: true; prices: (number | null)[]; discount: number | null } | { ok: false; reason: string };

const money = (n: number) => n.toFixed(2);

export function priceOrder(payload: CreateOrderPayload): OrderPricing {
  const prices = payload.lineItems.map((item) => item.price ?? null);
  if (payload.cartTotal === undefined) return { ok: true, prices, discount: null };
  const total = cents(payload.cartTotal);
  const cod = cents(payload.codCharge ?? 0);
  const goods = total - cod;
  if (goods < 0) return { ok: false, reason: `the total ${money(payload.cartTotal)} is less than the COD charge ${money(payload.codCharge ?? 0)}` };
  const unpriced = payload.lineItems.flatMap((item, i) => (item.price === undefined ? [i] : []));
  const pricedCents = payload.lineItems.reduce((sum, item) => sum + (item.price === undefined ? 0 : cents(item.price) * item.quantity), 0);
  if (unpriced.length === 0) {
    const off = pricedCents - goods;
    if (off < 0)
      return {
        ok: false,
        reason: `the total ${money(payload.cartTotal)} is more than the lines and COD charge add up to (${money(fromCents(pricedCents + cod))}); change a price or the total`,
      };
    return { ok: true, prices, discount: off > 0 ? fromCents(off) : null };
  }
  if (unpriced.length > 1)
    return {
      ok: false,
      reason: `${unpriced.length} lines have no price, so the total ${money(payload.cartTotal)} cannot be split between them; give each line a price`,
    };
  const index = unpriced[0] ?? 0;
  const line = payload.lineItems[index];
  const quantity = line?.quantity ?? 1;
  const left = goods - pricedCents;
  const name = line?.title ?? `line ${index + 1}`;
  if (left <= 0)
    return {
      ok: false,
      reason: `the other lines and the COD charge already reach the total ${money(payload.cartTotal)}, leaving nothing for ${name}; give it a price`,
    };
  if (left % quantity !== 0)
    return { ok: false, reason: `${money(fromCents(left))} for ${quantity} × ${name} is not a whole number of cents each; give the line a price` };
  return { ok: true, prices: prices.map((p, i) => (i === index ? fromCents(left / quantity) : p)), discount: null };
}
