import { describe, expect, it } from 'vitest';
import { maskEmail, maskPersonalData, maskPhone } from './privacy';

describe('maskPhone', () => {
  it('keeps the country code and the last four digits', () => {
    expect(maskPhone('+916296641821')).toBe('+91•••••1821');
    expect(maskPhone('9876543210')).toBe('98•••••3210');
    expect(maskPhone('12345')).toBe('•••');
  });
});

describe('maskPersonalData', () => {
  it('masks numbers and emails at any depth and reduces addresses to the city', () => {
    const order = {
      customerNumber: '+919876543210',
      metadata: { store: 'Surat', customerPhone: '+91 98765 43210', orderId: '8842' },
      payload: {
        email: 'jane@example.com',
        phone: '+919876543210',
        shippingAddress: { firstName: 'Jane', address1: '12 MG Road', city: 'Bengaluru', zip: '560001' },
        lineItems: [{ title: 'Kurti', quantity: 1 }],
        cartTotal: 1895,
      },
      startedAt: new Date('2026-01-01T00:00:00Z'),
    };
    expect(maskPersonalData(order)).toEqual({
      customerNumber: '+91•••••3210',
      metadata: { store: 'Surat', customerPhone: '+91•••••3210', orderId: '8842' },
      payload: {
        email: 'j•••@example.com',
        phone: '+91•••••3210',
        shippingAddress: { city: 'Bengaluru' },
        lineItems: [{ title: 'Kurti', quantity: 1 }],
        cartTotal: 1895,
      },
      startedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(order.payload.shippingAddress.address1).toBe('12 MG Road'); // the input is untouched
  });

  it('leaves ids, amounts and short numbers alone', () => {
    expect(maskPersonalData({ id: 'c_550e8400-e29b', total: 150, code: 'SAVE10', pin: '560001' })).toEqual({
      id: 'c_550e8400-e29b',
      total: 150,
      code: 'SAVE10',
      pin: '560001',
    });
    expect(maskEmail('a@b.co')).toBe('a•••@b.co');
  });
});
