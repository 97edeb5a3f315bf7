import { createOrderPayload, postalCodeProblem } from '@/lib/action-kinds/create-order/schema';
import { type Json, obj, str } from '../values';
import { formatMoney, orderTotals } from './order-math';

// The order as an approver edits it: every field as typed (strings), the totals recomputed from
// them as they type, the payload the API takes, and what is wrong with each field in plain words.
// Pure, unit-tested; the edit form (edit-form.tsx) only renders it.

export const ADDRESS_FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['address1', 'Address'],
  ['address2', 'Address line 2'],
  ['city', 'City'],
  ['province', 'State'],
  ['zip', 'PIN / ZIP'],
  ['country', 'Country'],
  ['phone', 'Phone'],
] as const;

export type AddressKey = (typeof ADDRESS_FIELDS)[number][0];

export interface DraftLine {
  /** A stable React key: lines are added and removed. */
  key: string;
  title: string;
  quantity: string;
  price: string;
  /** The line's other fields (variantId, whatever the agent sent), kept as they came. */
  rest: Json;
  /** Added by the approver: it needs a name and a price of its own. */
  added?: boolean;
}

export interface OrderDraft {
  lines: DraftLine[];
  /** The amount off, worked out from the quoted total. */
  discount: string;
  discountCode: string;
  codCharge: string;
  paymentMode: '' | 'cod' | 'prepaid';
  note: string;
  address: Record<AddressKey, string>;
  /** The agreed total, edited directly only when some line has no price. */
  cartTotal: string;
  /** What the agreed total carries beyond lines and COD charge (shipping, tax), kept as quoted. */
  otherCharges: number;
}

const asText = (value: unknown): string => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
const round = (n: number) => Math.round(n * 100) / 100;
const MAX_AMOUNT = 100_000_000;

/** A typed amount: null when blank, NaN when not a number. */
function typedAmount(value: string): number | null {
  const t = value.trim();
  if (t === '') return null;
  return /^[0-9]+(\.[0-9]{1,2})?$/.test(t) ? Number(t) : Number.NaN;
}

function typedQuantity(value: string): number {
  const t = value.trim();
  return /^[0-9]{1,3}$/.test(t) && Number(t) >= 1 ? Number(t) : Number.NaN;
}

let nextKey = 0;
export const newLineKey = () => `new-${++nextKey}`;

export function draftFrom(payload: Json): OrderDraft {
  const items = Array.isArray(payload.lineItems) ? payload.lineItems.map(obj) : [];
  const address = obj(payload.shippingAddress);
  const totals = orderTotals(payload);
  const mode = typeof payload.paymentMode === 'string' ? payload.paymentMode.toLowerCase() : '';
  return {
    lines: items.map(({ title, quantity, price, ...rest }, i) => ({
      key: `line-${i}`,
      title: asText(title),
      quantity: asText(quantity ?? 1),
      price: asText(price),
      rest,
    })),
    discount: totals.discount !== null ? String(totals.discount) : '',
    discountCode: str(obj(payload.discount).code) ?? '',
    codCharge: asText(payload.codCharge),
    paymentMode: mode === 'cod' || mode === 'prepaid' ? mode : '',
    note: asText(payload.note),
    address: Object.fromEntries(ADDRESS_FIELDS.map(([key]) => [key, asText(address[key])])) as Record<AddressKey, string>,
    cartTotal: asText(payload.cartTotal),
    otherCharges: totals.subtotal !== null && totals.cartTotal !== null ? Math.max(0, round(totals.cartTotal - totals.subtotal - (totals.codCharge ?? 0))) : 0,
  };
}

/** Some line the agent sent has no price: the total cannot be worked out, the agreed one stands. */
export const isUnpriced = (draft: OrderDraft) => draft.lines.some((l) => !l.added && l.price.trim() === '');

export interface DraftTotals {
  /** Null when some line has no price (then the agreed total stands) or a number is mistyped. */
  subtotal: number | null;
  codCharge: number;
  discount: number | null;
  cartTotal: number | null;
}

export function draftTotals(draft: OrderDraft): DraftTotals {
  const codCharge = draft.paymentMode === 'prepaid' ? 0 : (typedAmount(draft.codCharge) ?? 0);
  if (isUnpriced(draft)) {
    const agreed = typedAmount(draft.cartTotal);
    return { subtotal: null, codCharge, discount: null, cartTotal: agreed === null || Number.isNaN(agreed) ? null : agreed };
  }
  const subtotal = round(draft.lines.reduce((sum, l) => sum + typedQuantity(l.quantity) * (typedAmount(l.price) ?? 0), 0));
  const discount = typedAmount(draft.discount) ?? 0;
  if (Number.isNaN(subtotal) || Number.isNaN(codCharge) || Number.isNaN(discount)) return { subtotal: null, codCharge, discount: null, cartTotal: null };
  return { subtotal, codCharge, discount, cartTotal: round(subtotal + codCharge + draft.otherCharges - discount) };
}

/** The payload the API takes: the original with the approver's changes; unknown keys kept. */
export function draftPayload(original: Json, draft: OrderDraft): Json {
  const totals = draftTotals(draft);
  const payload: Json = {
    ...original,
    lineItems: draft.lines.map((line) => {
      const item: Json = { ...line.rest };
      const title = line.title.trim();
      if (title) item.title = title;
      item.quantity = Number(line.quantity.trim() || Number.NaN);
      const price = typedAmount(line.price);
      if (price !== null) item.price = price;
      return item;
    }),
    shippingAddress: { ...obj(original.shippingAddress), ...Object.fromEntries(ADDRESS_FIELDS.map(([key]) => [key, draft.address[key].trim()])) },
    note: draft.note.trim(),
  };
  if (draft.paymentMode) payload.paymentMode = draft.paymentMode;
  if (draft.paymentMode === 'prepaid') {
    if ('codCharge' in original) payload.codCharge = 0;
  } else if (draft.codCharge.trim() === '') delete payload.codCharge;
  else payload.codCharge = typedAmount(draft.codCharge);
  const code = draft.discountCode.trim();
  if (code) payload.discount = { ...obj(original.discount), code };
  else if (original.discount) payload.discount = null;
  const cartTotal = totals.cartTotal ?? typedAmount(draft.cartTotal);
  if (cartTotal !== null) payload.cartTotal = cartTotal;
  return payload;
}

const ADDRESS_REQUIRED: Partial<Record<AddressKey, string>> = {
  firstName: 'Enter the first name.',
  address1: 'Enter the address.',
  city: 'Enter the city.',
  country: 'Enter the country.',
};

const sentence = (message: string) => {
  const m = message.replace(/^must be /, 'Enter ');
  return `${m.charAt(0).toUpperCase()}${m.slice(1)}${m.endsWith('.') ? '' : '.'}`;
};

/** Where an issue of the payload schema is shown in the form. */
function fieldOf(path: PropertyKey[]): string {
  const [head, index, key] = path.map(String);
  if (head === 'lineItems' && index !== undefined) return `line.${index}.${key === 'variantId' ? 'title' : (key ?? 'quantity')}`;
  if (head === 'shippingAddress' && index !== undefined) return `address.${index}`;
  if (head === 'discount') return 'discountCode';
  return head ?? 'order';
}

/** What is wrong, keyed by field (line.0.quantity, address.zip, codCharge, …), in plain words. */
export function plainProblems(draft: OrderDraft, currency = 'INR'): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.lines.length === 0) problems.lines = 'An order needs at least one line.';
  draft.lines.forEach((line, i) => {
    if (!line.title.trim() && line.rest.variantId === undefined) problems[`line.${i}.title`] = 'Name the item.';
    if (Number.isNaN(typedQuantity(line.quantity))) problems[`line.${i}.quantity`] = 'Enter a whole number from 1 to 999.';
    const price = typedAmount(line.price);
    if (price !== null && !(price <= MAX_AMOUNT)) problems[`line.${i}.price`] = 'Enter a price of 0 or more.';
    else if (price === null && line.added) problems[`line.${i}.price`] = 'Enter the price.';
  });
  const cod = typedAmount(draft.codCharge);
  if (draft.paymentMode !== 'prepaid' && cod !== null && !(cod <= MAX_AMOUNT)) problems.codCharge = 'Enter a COD charge of 0 or more.';
  const discount = typedAmount(draft.discount);
  if (discount !== null && !(discount <= MAX_AMOUNT)) problems.discount = 'Enter a discount of 0 or more.';
  const totals = draftTotals(draft);
  const gross = totals.subtotal !== null ? totals.subtotal + totals.codCharge + draft.otherCharges : null;
  if (gross !== null && totals.discount !== null && totals.discount > gross) {
    problems.discount = `The discount cannot be more than the order (${formatMoney(gross, currency)} before the discount).`;
  }
  if (isUnpriced(draft) && totals.cartTotal === null) {
    problems.cartTotal = 'Enter the total the customer agreed, 0 or more.';
  }
  for (const [key, message] of Object.entries(ADDRESS_REQUIRED)) {
    if (!draft.address[key as AddressKey].trim()) problems[`address.${key}`] = message;
  }
  const zip = draft.address.zip.trim();
  const zipProblem = zip ? postalCodeProblem(zip, draft.address.country) : null;
  if (zipProblem) problems['address.zip'] = sentence(zipProblem);
  // Anything else the API's own schema refuses (lengths, the phone), beside its field.
  const parsed = createOrderPayload.safeParse(draftPayload({}, draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      // The total follows the other fields: a problem there is already named beside them.
      if (problems[field] || (field === 'cartTotal' && Object.keys(problems).length > 0)) continue;
      if (field === 'address.phone' || field === 'phone') problems[field] = 'Enter a phone number with its country code, like +91 98111 00001.';
      else if (issue.code === 'too_big' && issue.origin === 'string') problems[field] = `Shorten this to ${String(issue.maximum)} characters or fewer.`;
      else problems[field] = sentence(issue.message);
    }
  }
  return problems;
}
