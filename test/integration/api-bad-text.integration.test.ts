import { describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { POST as markSent } from '@/app/api/actions/[id]/mark-sent/route';
import { GET as listActions } from '@/app/api/actions/route';
import { GET as chart } from '@/app/api/analytics/[chart]/route';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { GET as listDeliveries } from '@/app/api/deliveries/route';
import { POST as reprocess } from '@/app/api/reprocess/route';
import { makeToken } from '@/test/auth';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// An outside fuzzer's finds: text Postgres cannot hold (a NUL, an unpaired UTF-16 surrogate) in
// any parameter of the JSON API is a 400 naming the parameter, never a 500 from the database.

useTestSecrets();

type Handler = (request: Request) => Promise<Response>;
const analytics =
  (name: string): Handler =>
  (r) =>
    chart(r, { params: Promise.resolve({ chart: name }) });

// Every text parameter of every JSON read route, with a value that would otherwise be valid.
const QUERY_ROUTES: { path: string; handler: Handler; params: Record<string, string> }[] = [
  {
    path: '/api/calls',
    handler: listCalls,
    params: {
      q: 'asha',
      agent: 'agent_1',
      outcome: 'sale',
      meta: 'store=pune',
      provider: 'mirai',
      cursor: 'abc',
      tz: 'Asia/Kolkata',
      from: '2026-01-01',
      to: '2026-01-02',
      updatedSince: '2026-01-01T00:00:00Z',
    },
  },
  {
    path: '/api/calls/export',
    handler: exportCalls,
    params: { q: 'asha', agent: 'agent_1', outcome: 'sale', meta: 'store=pune', provider: 'mirai', tz: 'UTC', from: '2026-01-01' },
  },
  { path: '/api/deliveries', handler: listDeliveries, params: { q: 'call.completed', provider: 'mirai', cursor: 'abc', from: '2026-01-01' } },
  { path: '/api/analytics/credits', handler: analytics('credits'), params: { by: 'meta', key: 'campaign', provider: 'mirai', tz: 'UTC', from: '2026-01-01' } },
  { path: '/api/analytics/summary', handler: analytics('summary'), params: { provider: 'mirai', tz: 'UTC' } },
  { path: '/api/actions', handler: listActions, params: { status: 'pending' } },
];

async function read(handler: Handler, path: string, token: string, query: string) {
  const res = await handler(new Request(`http://localhost${path}?${query}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, json: (await res.json()) as { error?: { code: string; message: string } } };
}

describe('a NUL in any query parameter', () => {
  for (const route of QUERY_ROUTES) {
    for (const name of Object.keys(route.params)) {
      it(`${route.path} ?${name}= → 400 naming ${name}`, async () => {
        const token = await makeToken('admin');
        // The other parameters stay valid, so the NUL (sent as %00) is the only thing wrong.
        const value = name === 'meta' ? 'store=a\u0000b' : `${route.params[name]}\u0000`;
        const res = await read(route.handler, route.path, token, new URLSearchParams({ ...route.params, [name]: value }).toString());
        expect(res.status, `${route.path} ${name}=${JSON.stringify(value)}`).toBe(400);
        expect(res.json.error?.code).toBe('invalid_request');
        expect(res.json.error?.message).toContain(name);
      });
    }
  }

  it('an undecodable byte sequence (%ED%A0%80, a surrogate in UTF-8) never reaches the database as a lone surrogate', async () => {
    const token = await makeToken('admin');
    // URL parsing turns it into U+FFFD replacement characters: ordinary text, a 200 with no match.
    const res = await read(listCalls, '/api/calls', token, 'q=%ED%A0%80&agent=%ED%A0%80');
    expect(res.status).toBe(200);
  });
});

async function seedAction(status?: 'needs_check'): Promise<string> {
  const id = uid('badtext');
  await post('mirai', { event: { type: 'call.completed', data: { call: { id, status: 'completed' } } } });
  const shippingAddress = { firstName: 'Asha', address1: '12 MG Road', city: 'Pune', country: 'India' };
  await post('mirai', {
    event: {
      type: 'action',
      data: { action: 'create_order', call: { id }, payload: { phone: '+919812345678', lineItems: [{ title: 'Chai', quantity: 1 }], shippingAddress } },
    },
  });
  const call = await callRow('mirai', id);
  const { rows } = await testDb().query<{ id: string }>('SELECT id FROM action WHERE call_id = $1', [call?.id]);
  const actionId = String(rows[0]?.id);
  if (status)
    await testDb().query(
      `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status) VALUES ($1, 'create_order', 'standard_webhook', '{}', $2)`,
      [actionId, status],
    );
  return actionId;
}

const postJson = (handler: (r: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>, id: string, token: string, body: string) =>
  handler(
    new Request(`http://localhost/api/actions/${id}/x`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    }),
    { params: Promise.resolve({ id }) },
  );

// JSON text as a client would write it: \u0000 and \ud800 escapes parse into a NUL and a lone surrogate.
const NUL_JSON = '"a\\u0000b"';
const SURROGATE_JSON = '"a\\ud800b"';

describe('text Postgres cannot hold in a JSON body', () => {
  for (const [what, bad] of [
    ['a NUL', NUL_JSON],
    ['a lone surrogate', SURROGATE_JSON],
  ] as const) {
    it(`decision: ${what} in the note → 400 naming note; the action stays pending`, async () => {
      const id = await seedAction();
      const res = await postJson(decide, id, await makeToken('approver'), `{"decision":"reject","note":${bad}}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('note') });
      const { rows } = await testDb().query('SELECT status FROM action WHERE id = $1', [id]);
      expect(rows[0].status).toBe('pending');
    });

    it(`decision: ${what} deep in an edited payload (an unknown key kept as is) → 400 naming the field`, async () => {
      const id = await seedAction();
      const payload = `{"phone":"+919812345678","lineItems":[{"title":"Chai","quantity":1}],"shippingAddress":{"firstName":"Asha","address1":"12 MG Road","city":"Pune","country":"India"},"extra":{"deep":[${bad}]}}`;
      const res = await postJson(decide, id, await makeToken('approver'), `{"decision":"approve","payload":${payload}}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toContain('payload');
    });

    it(`mark-sent: ${what} in the reference → 400 naming reference`, async () => {
      const id = await seedAction('needs_check');
      const res = await postJson(markSent, id, await makeToken('approver'), `{"reference":${bad}}`);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toContain('reference');
    });

    it(`reprocess: ${what} in the provider → 400`, async () => {
      const token = await makeToken('admin');
      const res = await reprocess(
        new Request('http://localhost/api/reprocess', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: `{"provider":${bad}}`,
        }),
      );
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    });
  }
});
