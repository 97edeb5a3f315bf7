import { describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { POST as markSent } from '@/app/api/actions/[id]/mark-sent/route';
import { POST as redispatch } from '@/app/api/actions/[id]/redispatch/route';
import { GET as getAction } from '@/app/api/actions/[id]/route';
import { GET as countActions } from '@/app/api/actions/count/route';
import { GET as listActions } from '@/app/api/actions/route';
import { GET as getCall } from '@/app/api/calls/[id]/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { GET as dispatchCron } from '@/app/api/cron/dispatch/route';
import { GET as pruneAttempts } from '@/app/api/cron/prune-auth-attempts/route';
import { GET as getDelivery } from '@/app/api/deliveries/[id]/route';
import { GET as listDeliveries } from '@/app/api/deliveries/route';
import type { Role } from '@/lib/auth/roles';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

useTestSecrets();
process.env.CRON_SECRET = 'integration-cron-secret-0123456789';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'viewer', 'approver', 'admin'];

async function seedAction(): Promise<{ callId: string; actionId: string; phone: string }> {
  const id = uid('matrix');
  const phone = '+919812345678';
  await post('mirai', { metadata: { ref: id }, event: { type: 'call.completed', data: { call: { id, status: 'completed' } } } });
  const shippingAddress = { firstName: 'Asha', address1: '12 MG Road', city: 'Pune', country: 'India' };
  await post('mirai', {
    event: { type: 'action', data: { action: 'create_order', call: { id }, payload: { phone, lineItems: [{ title: 'Chai', quantity: 1 }], shippingAddress } } },
  });
  const call = await callRow('mirai', id);
  const { rows } = await testDb().query<{ id: string }>('SELECT id FROM action WHERE call_id = $1', [call?.id]);
  return { callId: String(call?.id), actionId: String(rows[0]?.id), phone };
}

async function authHeaders(who: Who): Promise<Record<string, string>> {
  return who === 'anonymous' ? {} : { authorization: `Bearer ${await makeToken(who)}` };
}

// Every JSON route a person or script can call, with the status each role must get.
const ROUTES: {
  name: string;
  call: (h: Record<string, string>, ids: { callId: string; actionId: string }) => Promise<Response>;
  expect: Record<Who, number>;
}[] = [
  {
    name: 'GET /api/calls',
    call: (h) => listCalls(new Request('http://localhost/api/calls', { headers: h })),
    expect: { anonymous: 401, viewer: 200, approver: 200, admin: 200 },
  },
  {
    name: 'GET /api/calls/{id}',
    call: (h, ids) => getCall(new Request(`http://localhost/api/calls/${ids.callId}`, { headers: h }), { params: Promise.resolve({ id: ids.callId }) }),
    expect: { anonymous: 401, viewer: 200, approver: 200, admin: 200 },
  },
  {
    name: 'GET /api/deliveries',
    call: (h) => listDeliveries(new Request('http://localhost/api/deliveries?limit=5', { headers: h })),
    expect: { anonymous: 401, viewer: 200, approver: 200, admin: 200 },
  },
  {
    name: 'GET /api/deliveries/{id}',
    call: async (h, ids) => {
      const { rows } = await testDb().query<{ id: string }>('SELECT id FROM delivery WHERE call_id = $1 LIMIT 1', [ids.callId]);
      const id = String(rows[0]?.id);
      return getDelivery(new Request(`http://localhost/api/deliveries/${id}`, { headers: h }), { params: Promise.resolve({ id }) });
    },
    expect: { anonymous: 401, viewer: 200, approver: 200, admin: 200 },
  },
  {
    name: 'GET /api/actions',
    call: (h) => listActions(new Request('http://localhost/api/actions', { headers: h })),
    expect: { anonymous: 401, viewer: 200, approver: 200, admin: 200 },
  },
  {
    name: 'POST /api/actions/{id}/decision',
    call: (h, ids) =>
      decide(
        new Request(`http://localhost/api/actions/${ids.actionId}/decision`, {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: JSON.stringify({ decision: 'reject', note: 'matrix' }),
        }),
        { params: Promise.resolve({ id: ids.actionId }) },
      ),
    expect: { anonymous: 401, viewer: 403, approver: 200, admin: 200 },
  },
  {
    name: 'GET /api/actions/{id}',
    call: (h, ids) => getAction(new Request(`http://localhost/api/actions/${ids.actionId}`, { headers: h }), { params: Promise.resolve({ id: ids.actionId }) }),
    expect: { anonymous: 401, viewer: 200, approver: 200, admin: 200 },
  },
  {
    name: 'GET /api/actions/count',
    call: (h) => countActions(new Request('http://localhost/api/actions/count', { headers: h })),
    expect: { anonymous: 401, viewer: 200, approver: 200, admin: 200 },
  },
  {
    // This file configures no destination, so an allowed role gets as far as 409 not_configured.
    name: 'POST /api/actions/{id}/redispatch',
    call: async (h, ids) => {
      await testDb().query(
        `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status) VALUES ($1, 'create_order', 'standard_webhook', '{}', 'failed')`,
        [ids.actionId],
      );
      return redispatch(new Request(`http://localhost/api/actions/${ids.actionId}/redispatch`, { method: 'POST', headers: h }), {
        params: Promise.resolve({ id: ids.actionId }),
      });
    },
    expect: { anonymous: 401, viewer: 403, approver: 409, admin: 409 },
  },
  {
    name: 'POST /api/actions/{id}/mark-sent',
    call: async (h, ids) => {
      await testDb().query(
        `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status) VALUES ($1, 'create_order', 'standard_webhook', '{}', 'needs_check')`,
        [ids.actionId],
      );
      return markSent(
        new Request(`http://localhost/api/actions/${ids.actionId}/mark-sent`, {
          method: 'POST',
          headers: { ...h, 'content-type': 'application/json' },
          body: '{"reference":"#1001"}',
        }),
        { params: Promise.resolve({ id: ids.actionId }) },
      );
    },
    expect: { anonymous: 401, viewer: 403, approver: 200, admin: 200 },
  },
];

describe('role matrix: every route as anonymous, viewer, approver and admin', () => {
  for (const route of ROUTES) {
    for (const who of WHO) {
      it(`${route.name} as ${who} → ${route.expect[who]}`, async () => {
        const ids = await seedAction(); // fresh data per case: a decision can only happen once
        const res = await route.call(await authHeaders(who), ids);
        expect(res.status).toBe(route.expect[who]);
        if (res.status >= 400) expect(await res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      });
    }
  }

  it('a session cookie works like a token, and carries the same role', async () => {
    const viewer = await makeUser('viewer');
    const { status, cookie } = await signIn(viewer.email);
    expect(status).toBe(200);
    const ids = await seedAction();
    const read = await listCalls(new Request('http://localhost/api/calls', { headers: { cookie } }));
    expect(read.status).toBe(200);
    const write = await decide(
      new Request(`http://localhost/api/actions/${ids.actionId}/decision`, {
        method: 'POST',
        headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' },
        body: '{"decision":"approve"}',
      }),
      { params: Promise.resolve({ id: ids.actionId }) },
    );
    expect(write.status).toBe(403);
  });

  it('a cookie-authenticated change from another site is refused', async () => {
    const approver = await makeUser('approver');
    const { cookie } = await signIn(approver.email);
    const ids = await seedAction();
    const req = (origin: string) =>
      decide(
        new Request(`http://localhost/api/actions/${ids.actionId}/decision`, {
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/json' },
          body: '{"decision":"approve"}',
        }),
        { params: Promise.resolve({ id: ids.actionId }) },
      );
    const evil = await req('https://evil.example');
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: { code: 'cross_site_request' } });
    expect((await req('http://localhost')).status).toBe(200);
  });
});

describe('decisions', () => {
  it('two approvers deciding at once: one wins, the other gets 409 naming who decided; one audit row', async () => {
    const { actionId } = await seedAction();
    const [a, b] = await Promise.all([makeToken('approver'), makeToken('admin')]);
    const send = (token: string, decision: string) =>
      decide(
        new Request(`http://localhost/api/actions/${actionId}/decision`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ decision, note: 'race' }),
        }),
        { params: Promise.resolve({ id: actionId }) },
      );
    const results = await Promise.all([send(a, 'approve'), send(b, 'reject')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409);
    expect((await loser!.json()).error.message).toMatch(/^Already (approved|rejected) by .+@test\.callboard$/);
    const audit = await testDb().query(`SELECT action FROM audit_log WHERE target_id = $1`, [actionId]);
    expect(audit.rows).toHaveLength(1);
  });
});

describe('the decision route', () => {
  const approve = (token: string, id: string, body: object) =>
    decide(
      new Request(`http://localhost/api/actions/${id}/decision`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ id }) },
    );

  it('says plainly that nothing was sent when no destination is configured', async () => {
    const { actionId } = await seedAction();
    const res = await approve(await makeToken('approver'), actionId, { decision: 'approve', note: 'ok' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      action: { id: actionId, status: 'approved' },
      dispatch: { status: 'skipped', message: expect.stringMatching(/^Approved\. Nothing was sent: no destination is configured for orders/) },
    });
  });

  it('takes an edited payload, validated with the same schema: 400 naming the field, then stored beside the original', async () => {
    const { actionId } = await seedAction();
    const token = await makeToken('approver');
    const payload = {
      phone: '+919812345678',
      lineItems: [{ title: 'Chai', quantity: 2 }],
      shippingAddress: { firstName: 'Asha', address1: '14 MG Road', city: 'Pune', country: 'India' },
    };
    const bad = await approve(token, actionId, { decision: 'approve', payload: { ...payload, shippingAddress: { ...payload.shippingAddress, city: '' } } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/shippingAddress\.city: required/);
    expect((await approve(token, actionId, { decision: 'reject', payload })).status).toBe(400);
    const ok = await approve(token, actionId, { decision: 'approve', payload });
    expect(ok.status).toBe(200);
    const { rows } = await testDb().query('SELECT payload, edited_payload FROM action WHERE id = $1', [actionId]);
    expect(rows[0].payload.shippingAddress.address1).toBe('12 MG Road');
    expect(rows[0].edited_payload.shippingAddress.address1).toBe('14 MG Road');
  });
});

describe('personal data by role', () => {
  it('viewers get numbers masked and addresses reduced to the city; search by the full number still finds the call', async () => {
    const { phone, actionId } = await seedAction();
    for (const [role, shown] of [
      ['viewer', '+91•••••5678'],
      ['approver', phone],
    ] as const) {
      const token = await makeToken(role);
      const res = await listCalls(
        new Request(`http://localhost/api/calls?q=${encodeURIComponent(phone)}&limit=1`, { headers: { authorization: `Bearer ${token}` } }),
      );
      const body = await res.json();
      expect(body.calls[0].customerNumber).toBe(shown);
      // This action by its id: the pending list's first page holds whatever parallel files seeded first.
      const detail = await getAction(new Request(`http://localhost/api/actions/${actionId}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ id: actionId }),
      });
      const mine = (await detail.json()).action;
      // And the list, wherever this action falls in it: no whole number reaches a viewer.
      const list = await (
        await listActions(new Request('http://localhost/api/actions?status=pending&limit=100', { headers: { authorization: `Bearer ${token}` } }))
      ).text();
      if (role === 'viewer') expect(list).not.toContain(phone.slice(3));
      expect(mine.payload.shippingAddress).toEqual(
        role === 'viewer' ? { city: 'Pune' } : { firstName: 'Asha', address1: '12 MG Road', city: 'Pune', country: 'India' },
      );
    }
  });
});

describe('no read leaks the whole number to a viewer', () => {
  it('the call detail API carries no unmasked copy of the customer number anywhere', async () => {
    const { callId, phone } = await seedAction();
    const token = await makeToken('viewer');
    const res = await getCall(new Request(`http://localhost/api/calls/${callId}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ id: callId }),
    });
    const text = await res.text();
    expect(text).toContain('+91•••••5678');
    expect(text).not.toContain(phone.slice(3));
  });
});

describe('scheduled routes', () => {
  it.each([
    ['prune-auth-attempts', pruneAttempts],
    ['dispatch', dispatchCron],
  ] as const)('%s needs the CRON_SECRET bearer, compared in constant time', async (name, route) => {
    const call = (auth?: string) => route(new Request(`http://localhost/api/cron/${name}`, { headers: auth ? { authorization: auth } : {} }));
    expect((await call()).status).toBe(401);
    expect((await call('Bearer wrong')).status).toBe(401);
    expect((await call(`Bearer ${process.env.CRON_SECRET}`)).status).toBe(200);
  });
});
