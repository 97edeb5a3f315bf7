import { describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { POST as markSent } from '@/app/api/actions/[id]/mark-sent/route';
import { PUT as putThreshold } from '@/app/api/analytics/threshold/route';
import { POST as reprocess } from '@/app/api/reprocess/route';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Requests a fuzzer sends and a client never should: each is a 4xx in the error envelope.

useTestSecrets();

async function seedAction(): Promise<string> {
  const id = uid('edges');
  await post('mirai', { event: { type: 'call.completed', data: { call: { id, status: 'completed' } } } });
  await post('mirai', { event: { type: 'action', data: { action: 'send_whatsapp', call: { id }, payload: { number: '+919812345678' } } } });
  const call = await callRow('mirai', id);
  const { rows } = await testDb().query<{ id: string }>('SELECT id FROM action WHERE call_id = $1', [call?.id]);
  const actionId = String(rows[0]?.id);
  await testDb().query(
    `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status) VALUES ($1, 'send_whatsapp', 'standard_webhook', '{}', 'needs_check')`,
    [actionId],
  );
  return actionId;
}

type Send = (headers: Record<string, string>, body?: string) => Promise<Response>;

// Every JSON route that reads a body, with the role it needs.
const BODY_ROUTES: { name: string; role: 'approver' | 'admin'; send: () => Promise<Send> }[] = [
  {
    name: 'POST /api/actions/{id}/decision',
    role: 'approver',
    send: async () => {
      const id = await seedAction();
      return (headers, body) =>
        decide(new Request(`http://localhost/api/actions/${id}/decision`, { method: 'POST', headers, body }), { params: Promise.resolve({ id }) });
    },
  },
  {
    name: 'POST /api/actions/{id}/mark-sent',
    role: 'approver',
    send: async () => {
      const id = await seedAction();
      return (headers, body) =>
        markSent(new Request(`http://localhost/api/actions/${id}/mark-sent`, { method: 'POST', headers, body }), { params: Promise.resolve({ id }) });
    },
  },
  {
    name: 'POST /api/reprocess',
    role: 'admin',
    send: async () => (headers, body) => reprocess(new Request('http://localhost/api/reprocess', { method: 'POST', headers, body })),
  },
  {
    name: 'PUT /api/analytics/threshold',
    role: 'admin',
    send: async () => (headers, body) => putThreshold(new Request('http://localhost/api/analytics/threshold', { method: 'PUT', headers, body })),
  },
];

const envelope = async (res: Response) => ({ status: res.status, json: (await res.json()) as { error?: { code: string; message: string } } });

describe('request bodies', () => {
  for (const route of BODY_ROUTES) {
    it(`${route.name}: malformed JSON → 400 invalid_json`, async () => {
      const send = await route.send();
      const auth = { authorization: `Bearer ${await makeToken(route.role)}` };
      for (const body of ['{bad', '{"decision":', '[1,]', '\u0000']) {
        const res = await envelope(await send({ ...auth, 'content-type': 'application/json' }, body));
        expect(res, body).toMatchObject({ status: 400, json: { error: { code: 'invalid_json', message: expect.any(String) } } });
      }
    });

    it(`${route.name}: a body that is not JSON by its content type → 415`, async () => {
      const send = await route.send();
      const auth = { authorization: `Bearer ${await makeToken(route.role)}` };
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await envelope(await send({ ...auth, 'content-type': type }, '{"threshold":5,"decision":"reject","all":true}'));
        expect(res, type).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
      }
    });
  }

  it('JSON content types with parameters or a +json suffix are accepted', async () => {
    const auth = { authorization: `Bearer ${await makeToken('admin')}` };
    const send = await BODY_ROUTES[3]!.send();
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json']) {
      expect((await send({ ...auth, 'content-type': type }, '{"threshold":null}')).status, type).toBe(200);
    }
  });

  it('mark-sent takes an empty body (every field is optional), with or without a content type', async () => {
    const send = await BODY_ROUTES[1]!.send();
    const res = await send({ authorization: `Bearer ${await makeToken('approver')}` });
    expect(res.status).toBe(200);
  });
});

describe('Origin of a cookie-authenticated change', () => {
  it.each(['null', 'not a url', '://', 'http://', 'http//localhost'])('Origin: %s → 403 cross_site_request', async (origin) => {
    const approver = await makeUser('approver');
    // An address of its own per sign-in, under the sign-in rate limit.
    const { status, cookie } = await signIn(approver.email, undefined, `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
    expect(status).toBe(200);
    const id = await seedAction();
    const res = await envelope(
      await decide(
        new Request(`http://localhost/api/actions/${id}/decision`, {
          method: 'POST',
          headers: { cookie, origin, 'content-type': 'application/json' },
          body: '{"decision":"reject"}',
        }),
        {
          params: Promise.resolve({ id }),
        },
      ),
    );
    expect(res).toMatchObject({ status: 403, json: { error: { code: 'cross_site_request' } } });
  });
});
