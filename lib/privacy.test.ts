import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail, maskFieldValue, maskPersonalData, maskPhone, maskText, personalDataIn } from './privacy';

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

describe('property: what a record names never survives masking, wherever it is written', () => {
  const word = fc.tuple(fc.constantFrom('Q', 'X', 'Zh', 'Vy'), fc.stringMatching(/^[a-z]{3,7}$/)).map(([a, b]) => `${a}${b}`);
  const person = fc.record({
    first: word,
    last: word,
    national: fc.tuple(fc.integer({ min: 6, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([a, b]) => `${a}${String(b).padStart(9, '0')}`),
    email: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{1,10}[a-z0-9]$/), fc.constantFrom('gmail.com', 'mail.co.in')).map(([a, b]) => `${a}@${b}`),
    street: word,
  });
  // Filler people write around personal data: words, punctuation, other numbers.
  const filler = fc.array(fc.constantFrom('ok', 'call', 'order', '₹1,299', '2026-05-08', 'at 13:21', 'ji,', '—', '(', ')', 'haan', 'pin 411001'), {
    maxLength: 6,
  });

  it('names, numbers (E.164, bare, grouped), emails and address lines are gone from every string', () => {
    fc.assert(
      fc.property(person, filler, filler, fc.integer({ min: 0, max: 3 }), (p, before, after, form) => {
        const phone = `+91${p.national}`;
        const address1 = `42, ${p.street} Residency`;
        const spoken = [p.national, phone, `+91 ${p.national.slice(0, 5)} ${p.national.slice(5)}`, `0${p.national}`][form] as string;
        const text = [...before, `${p.first} ${p.last}`, spoken, p.email, `deliver to ${address1}.`, ...after, `bye ${p.first}`].join(' ');
        const record = {
          metadata: { customer_name: `${p.first} ${p.last}`, customerPhone: phone },
          payload: { email: p.email, shippingAddress: { address1, city: 'Pune' } },
          transcript: [{ role: 'agent', text }],
          summary: text,
        };
        const shown = JSON.stringify(maskPersonalData(record));
        for (const secret of [p.first, p.last, p.national, phone, p.email, address1, `${p.street} Residency`]) expect(shown).not.toContain(secret);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a street address said in a sentence, named by no field', () => {
  it.each([
    ['Delivery 221, Green Park Society, Civil Lines, Jaipur 302012 pe karni hai, sahi hai?', 'Delivery ••• pe karni hai, sahi hai?'],
    ['ship to 742 Evergreen Terrace, Springfield today', 'ship to ••• today'],
    ['I live at 5B/12 Sector 14 Gurgaon', 'I live at •••'],
  ])('%s', (said, shown) => expect(maskText(said)).toBe(shown));

  it.each([
    'Aapne 2 × Brass Tea Strainer order kiya hai, total ₹1,299, cash on delivery.',
    'Order 3 se 6 din mein pahunch jayega. Kal subah 11 baje.',
    'Masala Chai 250g and Kumkumadi Face Oil 30ml',
    'The call hit the 10-minute limit before they confirmed',
  ])('leaves alone: %s', (said) => expect(maskText(said)).toBe(said));
});

describe('maskFieldValue: a chart series named by a metadata value', () => {
  it.each([
    ['customer_name', 'Asha Verma', 'A••• V•••'],
    ['customerPhone', '+919876543210', '+91•••••3210'],
    ['email', 'asha@example.com', 'a•••@example.com'],
    ['delivery_address', '12 MG Road, Pune', '•••'],
    ['campaign', 'cod-confirmation', 'cod-confirmation'],
    ['store', 'Assam Leaf Co.', 'Assam Leaf Co.'],
  ])('%s: %s → %s', (key, value, shown) => expect(maskFieldValue(key, value)).toBe(shown));
});
