import { describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { makeToken } from '@/test/auth';
import { orderPayload, seedActions } from '@/test/dispatch';
import { testDb, useTestSecrets } from '@/test/webhooks';

// The server refuses what the order edit form refuses: a postal code that cannot be right for
// the address's country is a 400 naming the field, and the action stays pending. An edit that
// removes a line and switches to prepaid is stored exactly as sent.

useTestSecrets();

async function decision(id: string, body: unknown) {
  const token = await makeToken('approver');
  const res = await decide(
    new Request(`http://localhost/api/actions/${id}/decision`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

async function stored(id: string) {
  const { rows } = await testDb().query<{ status: string; edited_payload: unknown }>('SELECT status, edited_payload FROM action WHERE id = $1', [id]);
  return rows[0];
}

const twoLines = () => ({
  ...orderPayload('postal'),
  lineItems: [
    { title: 'Masala Chai 250g', variantId: '44001', quantity: 2, price: 349 },
    { title: 'Mug', variantId: '44002', quantity: 1, price: 200 },
  ],
  cartTotal: 947,
});

describe('order edits on the server', () => {
  it.each([
    ['India', 'abc', '6-digit PIN code'],
    ['United States', '1234', 'ZIP code'],
    ['UK', '12345', 'UK postcode'],
  ])('%s: a postal code of %s is refused with 400, naming the field', async (country, zip, words) => {
    const [id = ''] = await seedActions(1, 'create_order', twoLines);
    const payload = { ...twoLines(), shippingAddress: { ...twoLines().shippingAddress, country, zip } };
    const res = await decision(id, { decision: 'approve', payload });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_payload');
    expect(res.body.error?.message).toContain('zip');
    expect(res.body.error?.message).toContain(words);
    expect(await stored(id)).toEqual({ status: 'pending', edited_payload: null });
  });

  it('a line removed and prepaid: stored exactly as approved', async () => {
    const [id = ''] = await seedActions(1, 'create_order', twoLines);
    const edited = { ...twoLines(), lineItems: [twoLines().lineItems[0]], paymentMode: 'prepaid', codCharge: 0, cartTotal: 698 };
    const res = await decision(id, { decision: 'approve', payload: edited });
    expect(res.status).toBe(200);
    expect(await stored(id)).toEqual({ status: 'approved', edited_payload: edited });
  });
});
