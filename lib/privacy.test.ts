import { describe, expect, it } from 'vitest';
import { maskEmail, maskPersonalData, maskPhone, maskText, personalDataIn } from './privacy';

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

describe('what a call names is masked wherever it recurs', () => {
  const call = {
    customerNumber: '+919876543210',
    variables: { customer_name: 'Asha Verma', agent_name: 'Nisha' },
    payload: {
      email: 'asha.v@example.com',
      shippingAddress: {
        firstName: 'Asha',
        lastName: 'Verma',
        address1: '12, Lotus Towers, MG Road',
        address2: 'Near Ram Mandir',
        city: 'Pune',
        zip: '411001',
      },
    },
  };
  const known = personalDataIn(call);

  it('collects numbers, emails, the values of name fields and address lines, not the city or the agent', () => {
    expect(known.phones).toEqual(['+919876543210']);
    expect(known.emails).toEqual(['asha.v@example.com']);
    expect(known.names.sort()).toEqual(['Asha', 'Asha Verma', 'Verma']);
    expect(known.addressLines).toEqual(expect.arrayContaining(['12, Lotus Towers, MG Road', 'Lotus Towers', 'MG Road', 'Near Ram Mandir', '411001']));
    expect(known.addressLines).not.toContain('Pune');
    expect(known.names).not.toContain('Nisha');
  });

  it('masks them in free text: a name in any case, a part of it as written, a number as bare or grouped digits', () => {
    const said =
      'Namaste Asha ji, main Nisha. ASHA VERMA, deliver to 12, Lotus Towers, MG Road, Near Ram Mandir, Pune 411001? Call 9876543210 or +91 98765-43210, mail asha.v@example.com. I will.';
    expect(maskText(said, known)).toBe(
      'Namaste A••• ji, main Nisha. A••• V•••, deliver to •••, •••, Pune •••? Call 98•••••3210 or +91•••••3210, mail a•••@example.com. I will.',
    );
  });

  it('masks numbers and emails by shape in any text, but not dates, times, amounts or ids', () => {
    expect(maskText('on 2026-05-08 at 13:21 pay ₹1,299.00 (order 40213) or call 080-4710-0022 / reach me: x.y@mail.co')).toBe(
      'on 2026-05-08 at 13:21 pay ₹1,299.00 (order 40213) or call 08•••••0022 / reach me: x•••@mail.co',
    );
    expect(maskPersonalData({ variantId: '41234567890123', current_date: '2026-05-08', note: 'ring 9876543210' })).toEqual({
      variantId: '41234567890123',
      current_date: '2026-05-08',
      note: 'ring 98•••••3210',
    });
  });

  it('a record is masked with what it names itself, and a number sent as a JSON number too', () => {
    const masked = maskPersonalData({
      metadata: { customer_name: 'Ravi Kumar', phone: 919812345678 },
      summary: 'Ravi Kumar confirmed; Ravi asked for a call.',
    });
    expect(masked).toEqual({ metadata: { customer_name: 'R••• K•••', phone: '91•••••5678' }, summary: 'R••• K••• confirmed; R••• asked for a call.' });
  });
});
