import { describe, expect, it } from 'vitest';
import { createOrderPayload, postalCodeProblem } from './schema';

const order = (shippingAddress: Record<string, unknown>) => ({
  lineItems: [{ title: 'Chai', quantity: 1, price: 100 }],
  shippingAddress: { firstName: 'Asha', address1: '1 MG Road', city: 'Pune', country: 'India', ...shippingAddress },
});

describe('postal codes by country', () => {
  it('India: a 6-digit PIN code', () => {
    expect(postalCodeProblem('411001', 'India')).toBeNull();
    expect(postalCodeProblem('411 001', 'IN')).toBeNull();
    expect(postalCodeProblem('abc', 'India')).toMatch(/6-digit PIN code/);
    expect(postalCodeProblem('41100', 'India')).toMatch(/6-digit PIN code/);
    expect(postalCodeProblem('011001', 'India')).toMatch(/6-digit PIN code/);
  });

  it('US: a ZIP code of 5 digits or ZIP+4', () => {
    expect(postalCodeProblem('10001', 'US')).toBeNull();
    expect(postalCodeProblem('10001-1234', 'United States')).toBeNull();
    expect(postalCodeProblem('1000', 'USA')).toMatch(/ZIP code/);
    expect(postalCodeProblem('100011234', 'US')).toMatch(/ZIP code/);
  });

  it('UK: a postcode', () => {
    expect(postalCodeProblem('SW1A 1AA', 'United Kingdom')).toBeNull();
    expect(postalCodeProblem('m1 1ae', 'UK')).toBeNull();
    expect(postalCodeProblem('EC1A1BB', 'GB')).toBeNull();
    expect(postalCodeProblem('12345', 'UK')).toMatch(/postcode/);
  });

  it('elsewhere, and where the country is unknown: lenient', () => {
    expect(postalCodeProblem('75008', 'France')).toBeNull();
    expect(postalCodeProblem('anything 12', 'Atlantis')).toBeNull();
  });

  it('the payload schema refuses a bad PIN code beside the zip field, and keeps a good one', () => {
    const bad = createOrderPayload.safeParse(order({ zip: 'abc' }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['shippingAddress.zip', 'must be a 6-digit PIN code, like 411001']]);
    expect(createOrderPayload.safeParse(order({ zip: '411001' })).success).toBe(true);
    expect(createOrderPayload.safeParse(order({})).success).toBe(true);
  });
});
