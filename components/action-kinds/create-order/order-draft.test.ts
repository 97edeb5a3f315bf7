import { describe, expect, it } from 'vitest';
import { type DraftLine, draftFrom, draftPayload, draftTotals, type OrderDraft, plainProblems } from './order-draft';

function lineOf(draft: OrderDraft, i: number): DraftLine {
  const line = draft.lines[i];
  if (!line) throw new Error(`no line ${i}`);
  return line;
}

const original = {
  phone: '+919811100001',
  lineItems: [
    { title: 'Chai', variantId: '111', quantity: 2, price: 300 },
    { title: 'Mug', variantId: '222', quantity: 1, price: 200 },
  ],
  shippingAddress: { firstName: 'Asha', address1: '1 MG Road', city: 'Pune', zip: '411001', country: 'India' },
  paymentMode: 'cod',
  codCharge: 50,
  discount: { code: 'WELCOME10', reason: 'first order' },
  cartTotal: 730,
  note: 'Ring twice',
  abandonedCheckoutId: 'gid://shopify/AbandonedCheckout/1',
};

describe('order draft', () => {
  it('starts from the payload: lines, the quoted discount, COD charge, payment, note, address', () => {
    const draft = draftFrom(original);
    expect(draft.lines.map((l) => [l.title, l.quantity, l.price])).toEqual([
      ['Chai', '2', '300'],
      ['Mug', '1', '200'],
    ]);
    expect(draft).toMatchObject({ discount: '120', discountCode: 'WELCOME10', codCharge: '50', paymentMode: 'cod', note: 'Ring twice' });
    expect(draftTotals(draft)).toEqual({ subtotal: 800, codCharge: 50, discount: 120, cartTotal: 730 });
  });

  it('recomputes the total from what is typed, ignoring a COD charge once prepaid', () => {
    const draft = draftFrom(original);
    lineOf(draft, 0).quantity = '3';
    expect(draftTotals(draft).cartTotal).toBe(900 + 200 + 50 - 120);
    draft.paymentMode = 'prepaid';
    expect(draftTotals(draft)).toMatchObject({ codCharge: 0, cartTotal: 1100 - 120 });
    lineOf(draft, 0).quantity = 'x';
    expect(draftTotals(draft).cartTotal).toBeNull();
  });

  it('keeps the agreed total when some line has no price', () => {
    const draft = draftFrom({ lineItems: [{ variantId: '123', quantity: 1 }], cartTotal: 150, shippingAddress: {} });
    expect(draftTotals(draft)).toEqual({ subtotal: null, codCharge: 0, discount: null, cartTotal: 150 });
  });

  it('builds the payload: a removed line is gone, prepaid drops the COD charge, unknown keys are kept', () => {
    const draft = draftFrom(original);
    draft.lines.splice(1, 1);
    draft.paymentMode = 'prepaid';
    draft.note = '  Leave at the door ';
    draft.address.zip = '411002';
    const payload = draftPayload(original, draft);
    expect(payload).toEqual({
      ...original,
      lineItems: [{ title: 'Chai', variantId: '111', quantity: 2, price: 300 }],
      paymentMode: 'prepaid',
      codCharge: 0,
      cartTotal: 600 - 120,
      note: 'Leave at the door',
      shippingAddress: { ...original.shippingAddress, zip: '411002', lastName: '', address2: '', province: '', phone: '' },
    });
  });

  it('a new line has a title, a quantity and a price', () => {
    const draft = draftFrom(original);
    draft.lines.push({ key: 'new', title: ' Biscuits ', quantity: '4', price: '25', rest: {} });
    const payload = draftPayload(original, draft);
    expect((payload.lineItems as unknown[])[2]).toEqual({ title: 'Biscuits', quantity: 4, price: 25 });
    expect(payload.cartTotal).toBe(800 + 100 + 50 - 120);
  });

  it('says what is wrong beside each field, in plain words', () => {
    const draft = draftFrom(original);
    lineOf(draft, 0).quantity = '0';
    lineOf(draft, 1).price = '-5';
    draft.address.city = ' ';
    draft.address.zip = 'abc';
    draft.codCharge = 'lots';
    expect(plainProblems(draft)).toEqual({
      'line.0.quantity': 'Enter a whole number from 1 to 999.',
      'line.1.price': 'Enter a price of 0 or more.',
      'address.city': 'Enter the city.',
      'address.zip': 'Enter a 6-digit PIN code, like 411001.',
      codCharge: 'Enter a COD charge of 0 or more.',
    });
  });

  it('a discount cannot be more than the order', () => {
    const draft = draftFrom(original);
    draft.discount = '5000';
    expect(plainProblems(draft, 'INR')).toEqual({ discount: 'The discount cannot be more than the order (₹850.00 before the discount).' });
  });

  it('a total above lines and COD charge (shipping, tax) is kept as quoted, not dropped', () => {
    const draft = draftFrom({ ...original, discount: null, cartTotal: 900 });
    expect(draft).toMatchObject({ discount: '', otherCharges: 50 });
    expect(draftTotals(draft).cartTotal).toBe(900);
    lineOf(draft, 1).quantity = '2';
    expect(draftTotals(draft).cartTotal).toBe(1100);
  });

  it('a new line needs a name and a price; until it has one the total counts it as nothing', () => {
    const draft = draftFrom(original);
    draft.lines.push({ key: 'n', title: '', quantity: '1', price: '', rest: {}, added: true });
    expect(plainProblems(draft)).toEqual({ 'line.2.title': 'Name the item.', 'line.2.price': 'Enter the price.' });
    expect(draftTotals(draft).cartTotal).toBe(730);
  });

  it('an unpriced order keeps the total the customer agreed, which the approver may change', () => {
    const unpriced = {
      lineItems: [{ variantId: '123', quantity: 1 }],
      cartTotal: 150,
      shippingAddress: { firstName: 'Jane', address1: '1 Main St', city: 'NYC', country: 'US' },
    };
    const draft = draftFrom(unpriced);
    draft.cartTotal = '140';
    expect(draftPayload(unpriced, draft).cartTotal).toBe(140);
    draft.cartTotal = 'abc';
    expect(plainProblems(draft)).toEqual({ cartTotal: 'Enter the total the customer agreed, 0 or more.' });
  });
});
