import { type Json, obj, str } from '../values';
import { ADDRESS_FIELDS } from './order-draft';
import { formatMoney, orderLines, orderTotals } from './order-math';

// The edited order against the agent's: lines paired by variant (else by name), each field with
// both values, and what changed. Pure, unit-tested; changes.tsx draws it on the action's page.

export interface LineChange {
  label: string;
  change: 'same' | 'changed' | 'removed' | 'added';
  /** [before, after] as shown; "—" where the line is not on that side. */
  quantity: [string, string];
  price: [string, string];
  total: [string, string];
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

interface Line {
  item: Json;
  label: string;
  quantity: string;
  price: string;
  total: string;
}

function lines(payload: Json, currency: string): Line[] {
  const items = Array.isArray(payload.lineItems) ? payload.lineItems.map(obj) : [];
  return orderLines(payload).map((line, i) => ({
    item: items[i] ?? {},
    label: line.label,
    quantity: String(line.quantity),
    price: formatMoney(line.price, currency),
    total: formatMoney(line.total, currency),
  }));
}

const sameLine = (a: Json, b: Json) =>
  a.variantId !== undefined && b.variantId !== undefined
    ? String(a.variantId) === String(b.variantId)
    : (str(a.title) ?? '').toLowerCase() === (str(b.title) ?? '').toLowerCase();

const payment = (value: unknown) => {
  const mode = typeof value === 'string' ? value.toLowerCase() : '';
  return mode === 'cod' ? 'COD' : mode === 'prepaid' ? 'Prepaid' : '—';
};
const plain = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : '—');

export function orderChanges(original: Json, edited: Json, currency: string): { lines: LineChange[]; fields: FieldChange[] } {
  const before = lines(original, currency);
  const after = lines(edited, currency);
  const unmatched = new Set(after.map((_, i) => i));
  const result: LineChange[] = before.map((line) => {
    const match = after.findIndex((other, i) => unmatched.has(i) && sameLine(line.item, other.item));
    if (match === -1) return { label: line.label, change: 'removed', quantity: [line.quantity, '—'], price: [line.price, '—'], total: [line.total, '—'] };
    unmatched.delete(match);
    const other = after[match] as Line;
    const changed = line.quantity !== other.quantity || line.price !== other.price;
    return {
      label: other.label,
      change: changed ? 'changed' : 'same',
      quantity: [line.quantity, other.quantity],
      price: [line.price, other.price],
      total: [line.total, other.total],
    };
  });
  for (const i of unmatched) {
    const line = after[i] as Line;
    result.push({ label: line.label, change: 'added', quantity: ['—', line.quantity], price: ['—', line.price], total: ['—', line.total] });
  }

  const t0 = orderTotals(original);
  const t1 = orderTotals(edited);
  const a0 = obj(original.shippingAddress);
  const a1 = obj(edited.shippingAddress);
  const money = (n: number | null) => formatMoney(n, currency);
  const pairs: [string, string, string][] = [
    ['Payment', payment(original.paymentMode), payment(edited.paymentMode)],
    ['COD charge', money(t0.codCharge), money(t1.codCharge)],
    ['Discount', money(t0.discount), money(t1.discount)],
    ['Discount code', plain(obj(original.discount).code), plain(obj(edited.discount).code)],
    ['Cart total', money(t0.cartTotal), money(t1.cartTotal)],
    ['Note', plain(original.note), plain(edited.note)],
    ...ADDRESS_FIELDS.map(([key, label]): [string, string, string] => [label, plain(a0[key]), plain(a1[key])]),
  ];
  return { lines: result, fields: pairs.map(([label, b, a]) => ({ label, before: b, after: a, changed: b !== a })) };
}
