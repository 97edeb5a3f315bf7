import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { closePools } from '@/lib/db';
import { reprocess } from '@/lib/ingest/reprocess';
import type { ReprocessResult } from '@/lib/ingest/reprocess-result';
import type { ReprocessScope } from '@/lib/ingest/reprocess-scope';
import { applyMigrations } from '@/prisma/migrate';
import { generateCalls, type SimCall, withDuplicates } from '@/simulator/lifecycles';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { fixture } from '@/test/fixtures';
import { type Row, rows, snapshot } from '@/test/reprocess';
import { createIsolatedDatabase } from '@/test/setup/test-database';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Reprocess runs over every delivery in the database, so this file gets a database of its own:
// a run here must not rewrite other files' rows while they assert on them, and "empty the call
// table" must mean the whole table. (Beside the shared one on a real server; its own embedded
// Postgres otherwise, since PGlite has one database per instance.)
const shared = inject('databaseUrl');
const own = await createIsolatedDatabase('callboard_rp_', shared);
await applyMigrations(own.url);
process.env.DATABASE_URL = own.url;
useTestSecrets();

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { reprocessAction } = await import('@/lib/server-actions/reprocess');
const { POST: reprocessRoute } = await import('@/app/api/reprocess/route');

afterAll(async () => {
  await closePools();
  await testDb().end();
  await own.dispose();
});

async function run(scope: ReprocessScope, chunkSize?: number): Promise<ReprocessResult> {
  const client = await testDb().connect();
  try {
    return await reprocess(client, scope, { actor: { id: null, email: 'test' }, chunkSize });
  } finally {
    client.release();
  }
}

/** Nothing written. (Deliveries that still fail are left as they were, so they may be counted.) */
function expectNoChange(result: ReprocessResult): void {
  expect(result.deliveries.changed).toBe(0);
  expect(result.events).toEqual({ inserted: 0, updated: 0, deleted: 0, kept: 0 });
  expect(result.calls).toEqual({ created: 0, updated: 0, removed: 0 });
  expect(result.actions).toEqual({ created: 0, updated: 0, removed: 0 });
  expect(result.credits).toEqual({ created: 0, updated: 0, removed: 0 });
}

/** Simulated lifecycles of every provider, some events sent twice. */
const lifecycles = (count: number, seed: number): SimCall[] => withDuplicates(generateCalls({ count, seed, now: new Date() }), 0.3, seed);

/** Sends each call's events in order through the signed routes; calls one after another. */
async function send(calls: SimCall[]): Promise<SimCall[]> {
  for (const call of calls) {
    for (const event of call.events) expect((await post(call.provider, event)).status).toBe(200);
  }
  return calls;
}

/** A Mirai action that names no call, linked on arrival to the call whose metadata it echoes. */
async function sendCallLessAction(providerCallId: string): Promise<void> {
  const ref = uid('ref');
  await post('mirai', { metadata: { ref }, event: { type: 'call.initiate', data: { call: { id: providerCallId, status: 'initiate' } } } });
  const order = fixture('mirai', 'action-create-order.json');
  expect((await post('mirai', { ...order, metadata: { ref } })).status).toBe(200);
}

async function reprocessViaApi(body: object, role: 'admin' | 'approver' = 'admin'): Promise<Response> {
  const token = await makeToken(role);
  return reprocessRoute(
    new Request('http://localhost/api/reprocess', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

describe('reprocess with unchanged code', () => {
  it('changes nothing at all, and a second run changes nothing either; each run is audited', async () => {
    await send(lifecycles(12, 4101));
    await sendCallLessAction(uid('linked'));
    const before = await snapshot();
    expect(before.calls.length).toBeGreaterThanOrEqual(13);
    expect(before.deliveries.some((d) => d.outcome === 'duplicate')).toBe(true);
    expect(before.actions.length).toBeGreaterThan(0);
    expect(before.credits.length).toBeGreaterThan(0);

    const res = await reprocessViaApi({ all: true });
    expect(res.status).toBe(200);
    const { result } = (await res.json()) as { result: ReprocessResult };
    expect(result.deliveries.considered).toBe(before.deliveries.length);
    expectNoChange(result);
    // updated_at included: not one row was rewritten.
    expect(await snapshot()).toEqual(before);

    expectNoChange(await run({ kind: 'all' }, 5));
    expect(await snapshot()).toEqual(before);
    const audit = await rows(`SELECT actor_email, after FROM audit_log WHERE action = 'reprocess_run' ORDER BY at`);
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actor_email: expect.stringMatching(/@test\.callboard$/),
      after: { scope: { kind: 'all' }, deliveries: result.deliveries, events: result.events, calls: result.calls },
    });
  });

  it('is refused to approvers, and to anything but one call, a provider or all', async () => {
    expect((await reprocessViaApi({ all: true }, 'approver')).status).toBe(403);
    expect((await reprocessViaApi({ all: false })).status).toBe(400);
    expect((await reprocessViaApi({ callId: 'not-a-uuid' })).status).toBe(400);
    expect((await reprocessViaApi({ provider: 'nobody' })).status).toBe(400);
    expect((await reprocessViaApi({ callId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });
});

describe('reprocess into an emptied call table', () => {
  it('rebuilds every call as it was, relinks events, deliveries, actions and credits, and keeps decisions', async () => {
    await send(lifecycles(8, 4202));
    await sendCallLessAction(uid('linked'));
    const [approved] = await rows(`UPDATE action SET status = 'approved', decided_by_email = 'ops@test.callboard', decided_at = now(), decision_note = 'ok'
      WHERE id = (SELECT id FROM action ORDER BY created_at LIMIT 1) RETURNING id, status, decided_by_email, decided_at, decision_note`);
    const before = await snapshot();
    const key = (c: Row) => `${c.provider}/${c.provider_call_id}`;
    const strip = ({ id: _id, created_at: _c, updated_at: _u, ...rest }: Row) => rest;
    const pcidOf = new Map(before.calls.map((c) => [c.id, key(c)]));
    const linked = (list: Row[]): Row[] => list.map((r) => ({ ...r, call_id: r.call_id ? pcidOf.get(r.call_id) : null }));

    await testDb().query('DELETE FROM call');
    expect(await rows('SELECT 1 FROM call_event WHERE call_id IS NOT NULL')).toEqual([]);
    const result = await run({ kind: 'all' }, 7);
    expect(result.calls.created).toBe(before.calls.length);
    expect(result.events).toEqual({ inserted: 0, updated: before.events.filter((e) => e.call_id).length, deleted: 0, kept: 0 });

    const after = await snapshot();
    const keyAfter = new Map(after.calls.map((c) => [c.id, key(c)]));
    const relinked = (list: Row[]): Row[] => list.map((r) => ({ ...r, call_id: r.call_id ? keyAfter.get(r.call_id) : null }));
    expect(after.calls.map(strip)).toEqual(before.calls.map(strip));
    expect(relinked(after.events)).toEqual(linked(before.events));
    expect(relinked(after.deliveries)).toEqual(linked(before.deliveries));
    expect(relinked(after.credits)).toEqual(linked(before.credits));
    expect(relinked(after.actions).map(({ updated_at: _u, ...a }) => a)).toEqual(linked(before.actions).map(({ updated_at: _u, ...a }) => a));
    expect(await rows('SELECT id, status, decided_by_email, decided_at, decision_note FROM action WHERE id = $1', [approved?.id])).toEqual([approved]);

    expectNoChange(await run({ kind: 'all' }, 3));
  });
});

describe('deliveries the old code refused', () => {
  it('a parser refusal that parses now becomes a stored event of a new call; other refusals stay', async () => {
    const id = uid('call');
    const start = {
      event: 'call.start',
      timestamp: '2026-07-01T10:00:00Z',
      agent_id: 'agent_1',
      call_id: id,
      call_direction: 'inbound',
      caller_phone: '+15551230001',
    };
    const insert = (body: string, verification: string, status: number, code: string) =>
      rows(
        `INSERT INTO delivery (provider, endpoint, received_at, body, body_size, verification, outcome, http_status, error_code, error_message)
            VALUES ('atoms', '/api/webhooks/atoms', now() - interval '1 minute', convert_to($1, 'UTF8'), octet_length($1), $2, 'rejected', $3, $4, 'old parser said no')
            RETURNING id`,
        [body, verification, status, code],
      );
    const [fixed] = await insert(JSON.stringify(start), 'valid', 400, 'invalid_payload');
    const [stillBroken] = await insert(`{"call_id": "${id}", oops`, 'valid', 400, 'invalid_json');
    const [forged] = await insert(JSON.stringify({ ...start, call_id: uid('forged') }), 'invalid', 401, 'signature_invalid');

    const result = await run({ kind: 'all' });
    expect(result).toMatchObject({ deliveries: { changed: 1, failed: 1 }, events: { inserted: 1 }, calls: { created: 1 } });
    expect(result.problems).toEqual([{ deliveryId: stillBroken?.id, error: expect.stringMatching(/not valid JSON/) }]);
    const call = await callRow('atoms', id);
    expect(call).toMatchObject({ status: 'in_progress', direction: 'inbound', customer_number: '+15551230001', event_count: 1 });
    const deliveries = await rows(
      'SELECT id, outcome, call_id, http_status, error_code, event_type FROM delivery WHERE id = ANY($1::uuid[]) ORDER BY http_status, error_code',
      [[fixed?.id, stillBroken?.id, forged?.id]],
    );
    expect(deliveries).toEqual([
      { id: stillBroken?.id, outcome: 'rejected', call_id: null, http_status: 400, error_code: 'invalid_json', event_type: null },
      { id: fixed?.id, outcome: 'stored', call_id: call?.id, http_status: 400, error_code: 'invalid_payload', event_type: 'call.start' },
      { id: forged?.id, outcome: 'rejected', call_id: null, http_status: 401, error_code: 'signature_invalid', event_type: null },
    ]);
    // The same delivery arriving now is a duplicate of the event it became.
    expect((await post('atoms', start)).json).toEqual({ ok: true, duplicate: true });
    expect(await run({ kind: 'all' })).toMatchObject({
      deliveries: { changed: 0, failed: 1 },
      events: { inserted: 0, updated: 0 },
      calls: { created: 0, updated: 0 },
    });
  });
});

describe('one call', () => {
  it('rebuilds that call from its deliveries and leaves every other call alone; admins only', async () => {
    const [a, b] = await send(lifecycles(2, 4303));
    const callA = await callRow(a!.provider, a!.providerCallId);
    const callB = await callRow(b!.provider, b!.providerCallId);
    const eventsA = await rows('SELECT * FROM call_event WHERE call_id = $1 ORDER BY dedupe_key', [callA?.id]);
    // What an older parser might have left: other facts in the events, another projection.
    await testDb().query(`UPDATE call_event SET normalized = jsonb_set(normalized, '{facts,summary}', '"old parser"') WHERE call_id = ANY($1::uuid[])`, [
      [callA?.id, callB?.id],
    ]);
    await testDb().query(`UPDATE call SET status = 'failed', summary = 'old parser', attempts = 9 WHERE id = ANY($1::uuid[])`, [[callA?.id, callB?.id]]);

    const form = new FormData();
    form.set('callId', String(callA?.id));
    request.headers = new Headers({ origin: 'http://localhost', host: 'localhost' });
    const viewer = await makeUser('viewer');
    request.headers.set('cookie', (await signIn(viewer.email, undefined, '198.51.100.1')).cookie);
    expect(await reprocessAction(null, form)).toEqual({ ok: false, message: expect.stringMatching(/does not allow/) });

    const admin = await makeUser('admin');
    request.headers.set('cookie', (await signIn(admin.email, undefined, '198.51.100.2')).cookie);
    const done = await reprocessAction(null, form);
    expect(done).toEqual({ ok: true, message: expect.stringMatching(/^Reprocessed \d+ deliveries; 1 call rebuilt[.,]/) });

    expect(await callRow(a!.provider, a!.providerCallId)).toEqual({ ...callA, updated_at: expect.any(Date) });
    expect(await rows('SELECT * FROM call_event WHERE call_id = $1 ORDER BY dedupe_key', [callA?.id])).toEqual(eventsA);
    expect(await callRow(b!.provider, b!.providerCallId)).toMatchObject({ status: 'failed', summary: 'old parser', attempts: 9 });
    const audit = await rows(`SELECT actor_email, target_type, target_id FROM audit_log WHERE action = 'reprocess_run' AND target_id = $1`, [callA?.id]);
    expect(audit).toEqual([{ actor_email: admin.email, target_type: 'call', target_id: callA?.id }]);
  });
});

describe('one delivery', () => {
  it('the delivery page button reprocesses just that delivery; viewers and approvers are refused', async () => {
    const id = uid('one');
    const start = {
      event: 'call.start',
      timestamp: '2026-07-02T10:00:00Z',
      agent_id: 'agent_1',
      call_id: id,
      call_direction: 'inbound',
      caller_phone: '+15551230009',
    };
    const [refused] = await rows(
      `INSERT INTO delivery (provider, endpoint, received_at, body, body_size, verification, outcome, http_status, error_code, error_message)
      VALUES ('atoms', '/api/webhooks/atoms', now(), convert_to($1, 'UTF8'), octet_length($1), 'valid', 'rejected', 400, 'invalid_payload', 'old parser said no')
      RETURNING id`,
      [JSON.stringify(start)],
    );
    const form = new FormData();
    form.set('deliveryId', String(refused?.id));
    request.headers = new Headers({ origin: 'http://localhost', host: 'localhost' });
    for (const role of ['viewer', 'approver'] as const) {
      const user = await makeUser(role);
      request.headers.set('cookie', (await signIn(user.email, undefined, role === 'viewer' ? '198.51.100.3' : '198.51.100.4')).cookie);
      expect(await reprocessAction(null, form)).toEqual({ ok: false, message: expect.stringMatching(/does not allow/) });
    }
    expect(await callRow('atoms', id)).toBeUndefined();

    const admin = await makeUser('admin');
    request.headers.set('cookie', (await signIn(admin.email, undefined, '198.51.100.5')).cookie);
    expect(await reprocessAction(null, form)).toEqual({
      ok: true,
      message: 'Reprocessed 1 delivery; 1 call created, 1 call rebuilt, 1 event added, 1 delivery re-filed.',
    });
    expect(await callRow('atoms', id)).toMatchObject({ customer_number: '+15551230009', event_count: 1 });
    expect(await rows(`SELECT target_type, target_id FROM audit_log WHERE action = 'reprocess_run' AND target_id = $1`, [refused?.id])).toEqual([
      { target_type: 'delivery', target_id: refused?.id },
    ]);
    expect(await reprocessAction(null, form)).toEqual({ ok: true, message: 'Reprocessed 1 delivery; nothing changed.' });
  });
});

describe('a parser change of dedupe keys', () => {
  it('files deliveries under the new keys and drops the old events, keeping one with a decided action', async () => {
    const id = uid('keys');
    const call = (status: string, extra: object = {}) => ({
      metadata: { ref: id },
      event: { type: `call.${status}`, data: { call: { id, status, ...extra } } },
    });
    await post('mirai', call('initiate'));
    await post('mirai', { event: { type: 'action', data: { action: 'create_order', call: { id }, payload: { cartTotal: 10 } } } });
    await post('mirai', { event: { type: 'action', data: { action: 'send_whatsapp', call: { id }, payload: { number: '+911234567890' } } } });
    await post('mirai', {
      metadata: { ref: id },
      event: { type: 'end-of-call', data: { call: { id }, analysis: { success: true, summary: 'ok' }, credits: { used: 2, available: 8 } } },
    });
    const before = await callRow('mirai', id);
    // As if an older version had made other keys: every event of the call is under a stale one.
    await testDb().query(`UPDATE call_event SET dedupe_key = 'legacy:' || dedupe_key WHERE call_id = $1`, [before?.id]);
    const [decided] = await rows(
      `UPDATE action SET status = 'approved', decided_by_email = 'ops@test.callboard', decided_at = now()
      WHERE call_id = $1 AND kind = 'create_order' RETURNING id, event_id, status, decided_by_email, decided_at`,
      [before?.id],
    );

    const result = await run({ kind: 'call', callId: String(before?.id) });
    expect(result).toMatchObject({
      deliveries: { considered: 4, changed: 4, failed: 0 },
      events: { inserted: 4, deleted: 3, kept: 1 },
      actions: { created: 2 },
      credits: { created: 1 },
    });
    const events = await rows('SELECT dedupe_key, duplicate_count FROM call_event WHERE provider_call_id = $1 ORDER BY dedupe_key', [id]);
    expect(events.filter((e) => String(e.dedupe_key).startsWith('legacy:'))).toEqual([{ dedupe_key: expect.any(String), duplicate_count: 0 }]);
    expect(events).toHaveLength(5);
    expect(
      await rows('SELECT outcome FROM delivery WHERE call_id = $1 AND event_id IN (SELECT id FROM call_event WHERE dedupe_key NOT LIKE $2)', [
        before?.id,
        'legacy:%',
      ]),
    ).toHaveLength(4);
    // The decision survives on the stale event it was made on; the call keeps that event.
    expect(await rows('SELECT id, event_id, status, decided_by_email, decided_at FROM action WHERE id = $1', [decided?.id])).toEqual([decided]);
    expect(await callRow('mirai', id)).toMatchObject({ id: before?.id, summary: 'ok', success: true, credits_used: 2, event_count: 5 });
    expect(await rows('SELECT used FROM credit_entry WHERE call_id = $1', [before?.id])).toEqual([{ used: 2 }]);

    expectNoChange(await run({ kind: 'call', callId: String(before?.id) }));
  });
});

describe('while webhooks arrive', () => {
  it('a run over everything leaves duplicate counts and calls exactly as ingest keeps them', async () => {
    const calls = lifecycles(12, 4606);
    const half = (c: SimCall, part: 0 | 1) => ({
      ...c,
      events: part === 0 ? c.events.slice(0, Math.ceil(c.events.length / 2)) : c.events.slice(Math.ceil(c.events.length / 2)),
    });
    await send(calls.map((c) => half(c, 0)));
    const [during] = await Promise.all([run({ kind: 'all' }, 4), ...calls.map((c) => send([half(c, 1)]))]);
    // The one delivery that fails is the broken JSON an earlier test left.
    expect(during.problems).toEqual([{ deliveryId: expect.any(String), error: expect.stringMatching(/not valid JSON/) }]);

    // Every event with deliveries (the stale one an earlier test kept has none): one stored, the rest counted.
    const inconsistent = await rows(`SELECT e.id FROM call_event e JOIN delivery d ON d.event_id = e.id GROUP BY e.id
      HAVING e.duplicate_count <> count(*) - 1 OR count(*) FILTER (WHERE d.outcome = 'stored') <> 1`);
    expect(inconsistent).toEqual([]);
    expectNoChange(await run({ kind: 'all' }));
  });
});
