import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// This file's decisions have an undo window (the rest of the suite runs without one).
vi.hoisted(() => {
  process.env.APPROVAL_UNDO_SECONDS = '30';
});
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { POST as undo } from '@/app/api/actions/[id]/undo/route';
import { decideAction } from '@/lib/commands/actions/decide';
import { redispatchAction } from '@/lib/commands/actions/redispatch';
import { undoDecision } from '@/lib/commands/actions/undo';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { drainOutbox } from '@/lib/dispatch/drain';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { approver, drainUntilSettled, orderPayload, outboxRows, seedActions, testConfig, WEBHOOK_SECRET } from '@/test/dispatch';
import { type FakeDestination, standardWebhookFake } from '@/test/fake-destinations';
import { testDb } from '@/test/webhooks';

const { decideActionAction } = await import('@/lib/server-actions/decide-action');
const { decideActionsAction } = await import('@/lib/server-actions/decide-actions');
const { undoDecisionAction } = await import('@/lib/server-actions/undo-decision');

// Undo: within APPROVAL_UNDO_SECONDS a decision can be taken back and nothing is sent; after it
// the decision is final and is sent exactly once. Rejecting needs a reason that is not blank.

let endpoint: FakeDestination;
let config: DispatchConfig;

beforeAll(async () => {
  endpoint = await standardWebhookFake(WEBHOOK_SECRET);
  config = testConfig({ orderWebhook: { url: `${endpoint.origin}/orders`, secret: WEBHOOK_SECRET } });
});
afterAll(() => endpoint.close());

const post = (handler: (r: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>, id: string, token: string, body?: string) =>
  handler(
    new Request(`http://localhost/api/actions/${id}/x`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    }),
    { params: Promise.resolve({ id }) },
  );

async function actionRow(id: string) {
  const { rows } = await testDb().query('SELECT status, decided_by_email, decided_at, decision_note, edited_payload, undo_until FROM action WHERE id = $1', [
    id,
  ]);
  return rows[0];
}

const deliveries = (actionId: string) => endpoint.requests.filter((r) => JSON.parse(r.body || '{}').data?.action?.id === actionId);

async function actAs(role: 'approver' | 'viewer'): Promise<void> {
  const user = await makeUser(role);
  const { cookie } = await signIn(user.email, undefined, `192.0.2.${Math.floor(Math.random() * 250) + 1}`);
  request.headers = new Headers({ origin: 'http://localhost', host: 'localhost', cookie });
}

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return data;
};

describe('undo through the API', () => {
  it('a decision answers undoUntil; its outbox row waits until then, so a drain sends nothing', async () => {
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-wait'));
    const before = Date.now();
    const decided = await decideAction(approver, id, { decision: 'approve' }, config, 30);
    expect(decided.undoUntil.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    const [row] = await outboxRows([id]);
    expect(row?.next_attempt_at.getTime()).toBe(decided.undoUntil.getTime());
    expect((await drainOutbox({ actionIds: [id], config })).claimed).toBe(0);
    expect(deliveries(id)).toHaveLength(0);
  });

  it('POST /undo within the window: 200, pending again, the outbox row gone, audited; nothing is ever sent', async () => {
    const token = await makeToken('approver');
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-api'));
    const res = await post(decide, id, token, '{"decision":"approve"}');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Date.parse(body.action.undoUntil)).toBeGreaterThan(Date.now() + 20_000);

    const undone = await post(undo, id, token);
    expect(undone.status).toBe(200);
    expect(await undone.json()).toEqual({ action: { id, status: 'pending' } });
    expect(await actionRow(id)).toMatchObject({ status: 'pending', decided_by_email: null, decided_at: null, decision_note: null, undo_until: null });
    expect(await outboxRows([id])).toHaveLength(0);
    const audit = await testDb().query('SELECT action, before, after FROM audit_log WHERE target_id = $1 ORDER BY at, id', [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['action_approved', 'action_undone']);
    expect(audit.rows[1]).toMatchObject({ before: { status: 'approved' }, after: { status: 'pending' } });

    // Pending: nothing to undo.
    const again = await post(undo, id, token);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('not_decided');
    await testDb().query('UPDATE dispatch_outbox SET next_attempt_at = now() WHERE action_id = $1', [id]);
    expect((await drainOutbox({ actionIds: [id], config })).claimed).toBe(0);
    expect(deliveries(id)).toHaveLength(0);
  });

  it('an undone rejection is pending again, without its reason', async () => {
    const token = await makeToken('approver');
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-reject'));
    expect((await post(decide, id, token, '{"decision":"reject","note":"duplicate"}')).status).toBe(200);
    expect((await post(undo, id, token)).status).toBe(200);
    expect(await actionRow(id)).toMatchObject({ status: 'pending', decision_note: null });
  });

  it('after the window: 409 undo_window_closed, the decision stands and is sent exactly once', async () => {
    const token = await makeToken('approver');
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-late'));
    await decideAction(approver, id, { decision: 'approve' }, config, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const res = await post(undo, id, token);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('undo_window_closed');
    expect((await actionRow(id))?.status).toBe('approved');
    await drainUntilSettled([id], config);
    expect(deliveries(id)).toHaveLength(1);
    expect((await outboxRows([id]))[0]).toMatchObject({ status: 'sent', action_status: 'dispatched' });
    expect((await post(undo, id, token)).status).toBe(409);
  });

  it('approve, undo, approve again: one outbox row, one delivery', async () => {
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-twice'));
    await decideAction(approver, id, { decision: 'approve' }, config, 30);
    await undoDecision(approver, id);
    await decideAction(approver, id, { decision: 'approve' }, config, 0);
    await drainUntilSettled([id], config);
    expect(deliveries(id)).toHaveLength(1);
    expect(await outboxRows([id])).toHaveLength(1);
  });

  it('a row a drainer has claimed cannot be undone (the window has closed under it)', async () => {
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-claimed'));
    await decideAction(approver, id, { decision: 'approve' }, config, 30);
    await testDb().query(`UPDATE dispatch_outbox SET status = 'in_flight', attempts = 1 WHERE action_id = $1`, [id]);
    await expect(undoDecision(approver, id)).rejects.toMatchObject({ status: 409, code: 'undo_window_closed' });
    expect((await actionRow(id))?.status).toBe('approved');
  });

  it('sending a never-sent approval again inside the window still waits for it, and can still be undone', async () => {
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-redispatch'));
    const decided = await decideAction(approver, id, { decision: 'approve' }, testConfig(), 30);
    expect((await outboxRows([id]))[0]?.status).toBe('skipped');
    await redispatchAction(approver, id, config);
    const [row] = await outboxRows([id]);
    expect(row).toMatchObject({ status: 'pending' });
    expect(row?.next_attempt_at.getTime()).toBe(decided.undoUntil.getTime());
    expect((await drainOutbox({ actionIds: [id], config })).claimed).toBe(0);
    await undoDecision(approver, id);
    expect(await outboxRows([id])).toHaveLength(0);
    expect(deliveries(id)).toHaveLength(0);
  });

  it('a viewer may not undo (403); an unknown id is 404', async () => {
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-viewer'));
    await decideAction(approver, id, { decision: 'approve' }, config, 30);
    expect((await post(undo, id, await makeToken('viewer'))).status).toBe(403);
    expect((await post(undo, '00000000-0000-4000-8000-000000000000', await makeToken('approver'))).status).toBe(404);
    expect((await actionRow(id))?.status).toBe('approved');
  });
});

describe('undo and decisions from the page (server actions)', () => {
  it('decideActionAction answers undoUntil; undoDecisionAction takes it back; a viewer is refused', async () => {
    await actAs('approver');
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('undo-sa'));
    const decided = await decideActionAction(null, form({ id, decision: 'approve' }));
    expect(decided).toMatchObject({ ok: true, status: 'approved', undoUntil: expect.any(String) });
    expect(decided.ok && Date.parse(decided.undoUntil)).toBeGreaterThan(Date.now() + 20_000);
    expect(await undoDecisionAction(null, form({ id }))).toEqual({ ok: true, status: 'pending' });
    expect(await outboxRows([id])).toHaveLength(0);
    expect(await undoDecisionAction(null, form({ id }))).toMatchObject({ ok: false, error: expect.stringMatching(/not been decided/) });

    await actAs('viewer');
    expect(await undoDecisionAction(null, form({ id }))).toMatchObject({ ok: false });
  });

  it('bulk decisions answer undoUntil for each', async () => {
    await actAs('approver');
    const ids = await seedActions(2, 'create_order', (i) => orderPayload(`undo-bulk-${i}`));
    const result = await decideActionsAction(null, form({ id: ids, decision: 'approve' }));
    expect(result.ok && result.results.map((r) => typeof r.undoUntil)).toEqual(['string', 'string']);
  });
});

describe('reject needs a reason', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['spaces', '   '],
    ['whitespace', '\n\t '],
  ])('API: %s → 400 reason_required, still pending', async (_what, note) => {
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('reason-api'));
    const res = await post(decide, id, await makeToken('approver'), JSON.stringify({ decision: 'reject', note }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('reason_required');
    expect((await actionRow(id))?.status).toBe('pending');
  });

  it('API: the reason is stored trimmed', async () => {
    const [id = ''] = await seedActions(1, 'create_order', () => orderPayload('reason-trim'));
    expect((await post(decide, id, await makeToken('approver'), '{"decision":"reject","note":"  customer cancelled  "}')).status).toBe(200);
    expect((await actionRow(id))?.decision_note).toBe('customer cancelled');
  });

  it('server actions, single and bulk: a blank reason is refused and nothing is decided', async () => {
    await actAs('approver');
    const ids = await seedActions(3, 'create_order', (i) => orderPayload(`reason-sa-${i}`));
    expect(await decideActionAction(null, form({ id: ids[0] ?? '', decision: 'reject', note: '   ' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/reason/i),
    });
    expect(await decideActionsAction(null, form({ id: ids.slice(1), decision: 'reject', note: '  ' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/reason/i),
    });
    expect(await decideActionsAction(null, form({ id: ids.slice(1), decision: 'reject' }))).toMatchObject({ ok: false });
    for (const id of ids) expect((await actionRow(id))?.status).toBe('pending');
    const bulk = await decideActionsAction(null, form({ id: ids.slice(1), decision: 'reject', note: ' duplicate ' }));
    expect(bulk.ok && bulk.results.every((r) => r.ok)).toBe(true);
    expect((await actionRow(ids[1] ?? ''))?.decision_note).toBe('duplicate');
  });
});
