import { type Json, num, obj, str } from '../values';

// What an order adds up to, read from the agent's payload: lines, totals, the quoted discount,
// and the cart total after an approver changes quantities. Pure, unit-tested.

export interface OrderLine {
  label: string;
  quantity: number;
  price: number | null;
  total: number | null;
}

export function orderLines(payload: Json): OrderLine[] {
  const items = Array.isArray(payload.lineItems) ? payload.lineItems : [];
  return items.map((raw) => {
    const item = obj(raw);
    const quantity = num(item.quantity) ?? 0;
    const price = num(item.price);
    const label = str(item.title) ?? (item.variantId !== undefined ? `Variant ${String(item.variantId)}` : 'Item');
    return { label, quantity, price, total: price === null ? null : price * quantity };
  });
}

export function orderTotals(payload: Json): { subtotal: number | null; codCharge: number | null; cartTotal: number | null; discount: number | null } {
  const lines = orderLines(payload);
  const subtotal = lines.length > 0 && lines.every((l) => l.total !== null) ? lines.reduce((s, l) => s + (l.total ?? 0), 0) : null;
  const codCharge = num(payload.codCharge);
  const cartTotal = num(payload.cartTotal);
  const discount = subtotal !== null && cartTotal !== null ? Math.round((subtotal + (codCharge ?? 0) - cartTotal) * 100) / 100 : null;
  return { subtotal, codCharge, cartTotal, discount: discount !== null && discount > 0 ? discount : null };
}

/**
 * After an approver changes quantities, the cart total follows: the new subtotal plus the COD
 * charge, less the same discount amount the agent quoted. Unchanged when prices are unknown.
 */
export function repriced(original: Json, edited: Json): Json {
  const before = orderTotals(original);
  const after = orderTotals(edited);
  if (before.subtotal === null || before.cartTotal === null || after.subtotal === null || after.subtotal === before.subtotal) return edited;
  const off = Math.max(0, before.subtotal + (before.codCharge ?? 0) - before.cartTotal);
  return { ...edited, cartTotal: Math.round((after.subtotal + (after.codCharge ?? 0) - off) * 100) / 100 };
}

export function formatMoney(amount: number | null, currency = 'INR'): string {
  if (amount === null) return '—';
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
}
