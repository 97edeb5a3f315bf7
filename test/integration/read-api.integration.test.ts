import { describe, expect, it } from 'vitest';
import { GET as getActions } from '@/app/api/actions/route';
import { GET as getCall } from '@/app/api/calls/[id]/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { makeToken as tokenFor } from '@/test/auth';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

useTestSecrets();

// Approvers see personal data whole; masking for viewers has its own tests.
const makeToken = (revoked = false) => tokenFor('approver', { revoked });

type Json = Record<string, unknown>;
/** The bodies of the three read endpoints, as far as these tests read them (an error answer has `error` instead). */
interface CallsPage {
  calls: (Json & { providerCallId: string })[];
  nextCursor: string | null;
}
interface CallDetail {
  call: { events: { type: string }[]; actions: Json[] };
}
interface ActionsPage {
  actions: (Json & { createdAt: string })[];
}

const get = async <T = Json>(handler: (r: Request) => Promise<Response>, path: string, token?: string) => {
  const res = await handler(new Request(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return { status: res.status, json: (await res.json()) as T };
};

async function seedCall(marker: string, phone: string) {
  const id = uid(marker);
  await post('mirai', { metadata: { store: marker }, event: { type: 'call.completed', data: { call: { id, status: 'completed', durationSeconds: 30 } } } });
  await post('mirai', {
    metadata: { store: marker },
    event: { type: 'action', data: { action: 'send_whatsapp', call: { id }, reason: 'missing_address', payload: { number: phone } } },
  });
  return id;
}

describe('authentication', () => {
  it('refuses no token, an unknown token and a revoked token with 401 in the error envelope', async () => {
    expect(await get(listCalls, '/api/calls')).toMatchObject({ status: 401, json: { error: { code: 'unauthorized' } } });
    expect((await get(listCalls, '/api/calls', 'cb_not_a_real_token')).status).toBe(401);
    expect((await get(listCalls, '/api/calls', await makeToken(true))).status).toBe(401);
  });
});

describe('GET /api/calls', () => {
  it('finds a call by phone number, metadata value and provider call id', async () => {
    const token = await makeToken();
    const marker = uid('store');
    const phone = `+9170${Math.floor(Math.random() * 1e8)
      .toString()
      .padStart(8, '0')}`;
    const id = await seedCall(marker, phone);
    for (const q of [phone.slice(3), marker.toUpperCase(), id]) {
      const res = await get<CallsPage>(listCalls, `/api/calls?q=${encodeURIComponent(q)}`, token);
      expect(res.status).toBe(200);
      expect(res.json.calls.map((c: { providerCallId: string }) => c.providerCallId)).toEqual([id]);
      expect(res.json.calls[0]).toMatchObject({ provider: 'mirai', status: 'completed', customerNumber: phone, pendingActions: 1 });
    }
  });

  it('pages with a cursor, newest activity first, without repeats or gaps', async () => {
    const token = await makeToken();
    const marker = uid('page');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await seedCall(marker, '+910000000000'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get<CallsPage>(listCalls, `/api/calls?q=${marker}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, token);
      seen.push(...res.json.calls.map((c: { providerCallId: string }) => c.providerCallId));
      cursor = res.json.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by provider and status, and rejects bad filters with 400', async () => {
    const token = await makeToken();
    const res = await get<CallsPage>(listCalls, '/api/calls?provider=atoms&status=completed&limit=100', token);
    expect(res.status).toBe(200);
    for (const c of res.json.calls) expect(c).toMatchObject({ provider: 'atoms', status: 'completed' });
    expect(await get(listCalls, '/api/calls?status=bogus', token)).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
    expect((await get(listCalls, '/api/calls?limit=101', token)).status).toBe(400);
    expect(await get(listCalls, '/api/calls?cursor=zzz', token)).toMatchObject({ status: 400, json: { error: { code: 'invalid_cursor' } } });
  });
});

describe('GET /api/calls/{id} and /api/actions', () => {
  it('returns the call with its timeline and actions; 404 for an unknown id', async () => {
    const token = await makeToken();
    const id = await seedCall(uid('detail'), '+911111111111');
    const row = await callRow('mirai', id);
    const detail = await get<CallDetail>((r) => getCall(r, { params: Promise.resolve({ id: String(row?.id) }) }), `/api/calls/${row?.id}`, token);
    expect(detail.status).toBe(200);
    expect(detail.json.call.events.map((e: { type: string }) => e.type).sort()).toEqual(['action', 'call.completed']);
    expect(detail.json.call.actions).toMatchObject([{ kind: 'send_whatsapp', status: 'pending', reason: 'missing_address' }]);
    const missing = await get((r) => getCall(r, { params: Promise.resolve({ id: '00000000-0000-0000-0000-000000000000' }) }), '/api/calls/x', token);
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });

  it('lists pending actions oldest first with their call', async () => {
    const token = await makeToken();
    const id = await seedCall(uid('queue'), '+912222222222');
    const res = await get<ActionsPage>(getActions, '/api/actions?status=pending&limit=100', token);
    expect(res.status).toBe(200);
    const times = res.json.actions.map((a: { createdAt: string }) => a.createdAt);
    expect([...times].sort()).toEqual(times);
    // Other tests add actions too; page until ours shows up.
    const all = await testDb().query(`SELECT count(*)::int AS n FROM action WHERE status = 'pending' AND provider_call_id = $1`, [id]);
    expect(all.rows[0].n).toBe(1);
  });
});
