import type { ActionListItem } from '@/lib/queries/actions/list';

// Pure readings of an action for the queue: who the customer is, what the order adds up to,
// how old the request is. Payloads come from the agent, so every field is treated as optional.

export type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : null);
export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** The payload that will be (or was) sent: the approver's edit when there is one. */
export function effectivePayload(item: Pick<ActionListItem, 'payload' | 'editedPayload'>): Json {
  return item.editedPayload ?? item.payload;
}

export function customerOf(item: ActionListItem): { name: string | null; number: string | null } {
  const payload = effectivePayload(item);
  const address = obj(payload.shippingAddress);
  const name = [str(address.firstName), str(address.lastName)].filter(Boolean).join(' ') || str(payload.name);
  return { name: name || null, number: str(payload.phone) ?? str(payload.number) ?? str(address.phone) ?? item.call?.customerNumber ?? null };
}

export interface OrderLine { label: string; quantity: number; price: number | null; total: number | null }

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

/** "just now", "12 min", "3 h", "2 d": how long the customer has been waiting. */
export function formatAge(fromIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

export const words = (value: string) => value.replace(/_/g, ' ');
