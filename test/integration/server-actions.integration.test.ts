import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { generateToken } from '@/lib/auth/tokens';
import { makeUser, signIn } from '@/test/auth';
import { post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Server actions read the request through next/headers. Outside Next there is no request, so
// this stands in for it: the actions under test run unmodified, with a real Better Auth session
// cookie (or none) in the headers.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { decideActionAction } = await import('@/lib/server-actions/decide-action');
const { decideActionsAction } = await import('@/lib/server-actions/decide-actions');
const { redispatchActionAction } = await import('@/lib/server-actions/redispatch-action');
const { markActionSentAction } = await import('@/lib/server-actions/mark-action-sent');
const { createUserAction } = await import('@/lib/server-actions/create-user');
const { changeRoleAction } = await import('@/lib/server-actions/change-role');
const { revokeSessionsAction } = await import('@/lib/server-actions/revoke-sessions');
const { createApiTokenAction } = await import('@/lib/server-actions/create-api-token');
const { revokeApiTokenAction } = await import('@/lib/server-actions/revoke-api-token');
const { setBreakdownKeysAction } = await import('@/lib/server-actions/set-breakdown-keys');

useTestSecrets();

type Who = 'anonymous' | Role;
let ip = 0;

async function actAs(who: Who): Promise<void> {
  request.headers = new Headers({ origin: 'http://localhost', host: 'localhost' });
  if (who === 'anonymous') return;
  const user = await makeUser(who);
  ip += 1;
  const { cookie } = await signIn(user.email, undefined, `192.0.2.${ip}`);
  request.headers.set('cookie', cookie);
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

async function pendingActionId(): Promise<string> {
  const id = uid('sa');
  await post('mirai', {
    event: { type: 'action', data: { action: 'send_whatsapp', call: { id }, reason: 'missing_address', payload: { number: '+911234567890' } } },
  });
  const { rows } = await testDb().query<{ id: string }>('SELECT id FROM action WHERE provider_call_id = $1', [id]);
  return String(rows[0]?.id);
}

/** An approved action whose outbox row is in the given state. */
async function dispatchedActionId(status: 'failed' | 'needs_check'): Promise<string> {
  const id = await pendingActionId();
  await testDb().query(`UPDATE action SET status = $2 WHERE id = $1`, [id, status]);
  await testDb().query(
    `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status) VALUES ($1, 'send_whatsapp', 'standard_webhook', '{}', $2)`,
    [id, status],
  );
  return id;
}

const formWithIds = (ids: string[], fields: Record<string, string>) => {
  const data = form(fields);
  for (const id of ids) data.append('id', id);
  return data;
};

async function someTokenId(): Promise<string> {
  const owner = await makeUser('viewer');
  const { hash, prefix } = generateToken();
  const { rows } = await testDb().query<{ id: string }>('INSERT INTO api_token (name, token_hash, prefix, user_id) VALUES ($1, $2, $3, $4) RETURNING id', [
    'sa',
    hash,
    prefix,
    owner.id,
  ]);
  return String(rows[0]?.id);
}

// Each server action, the input it needs, and which callers it must serve.
// `declinedWith`: the role is let through, and the action then declines for a stated business reason.
const ACTIONS: { name: string; run: () => Promise<{ ok: boolean; error?: string }>; allowed: Role[]; declinedWith?: RegExp }[] = [
  {
    name: 'decide an action',
    run: async () => decideActionAction(null, form({ id: await pendingActionId(), decision: 'reject', note: 'duplicate' })),
    allowed: ['approver', 'admin'],
  },
  {
    name: 'edit and approve an action',
    run: async () =>
      decideActionAction(
        null,
        form({ id: await pendingActionId(), decision: 'approve', payload: JSON.stringify({ number: '+911234567899', message: 'Hello' }) }),
      ),
    allowed: ['approver', 'admin'],
  },
  {
    name: 'bulk-decide actions',
    run: async () => decideActionsAction(null, formWithIds([await pendingActionId(), await pendingActionId()], { decision: 'reject', note: 'duplicates' })),
    allowed: ['approver', 'admin'],
  },
  // No destination is configured in this file: an allowed role gets as far as "nothing to send to".
  {
    name: 're-dispatch an action',
    run: async () => redispatchActionAction(null, form({ id: await dispatchedActionId('failed') })),
    allowed: ['approver', 'admin'],
    declinedWith: /no destination is configured/,
  },
  {
    name: 'mark an action sent',
    run: async () => markActionSentAction(null, form({ id: await dispatchedActionId('needs_check'), reference: 'wamid.1' })),
    allowed: ['approver', 'admin'],
  },
  {
    name: 'create a user',
    run: async () => createUserAction(null, form({ email: `${uid('new')}@test.callboard`, role: 'viewer', password: 'a-long-password' })),
    allowed: ['admin'],
  },
  { name: 'change a role', run: async () => changeRoleAction(null, form({ userId: (await makeUser('viewer')).id, role: 'approver' })), allowed: ['admin'] },
  { name: 'revoke sessions', run: async () => revokeSessionsAction(null, form({ userId: (await makeUser('viewer')).id })), allowed: ['admin'] },
  {
    name: 'create an API token',
    run: async () => createApiTokenAction(null, form({ userId: (await makeUser('viewer')).id, name: 'matrix' })),
    allowed: ['admin'],
  },
  { name: 'revoke an API token', run: async () => revokeApiTokenAction(null, form({ tokenId: await someTokenId() })), allowed: ['admin'] },
  // The default keys: an admin's save changes nothing the other files' analytics tests rely on.
  { name: 'set the analytics breakdown keys', run: async () => setBreakdownKeysAction(null, form({ keys: 'campaign\nstore' })), allowed: ['admin'] },
];

describe('server action matrix: every action as anonymous, viewer, approver and admin', () => {
  beforeEach(() => {
    request.headers = new Headers();
  });
  for (const action of ACTIONS) {
    for (const who of ['anonymous', 'viewer', 'approver', 'admin'] as const) {
      const ok = who !== 'anonymous' && action.allowed.includes(who);
      it(`${action.name} as ${who} → ${ok ? 'done' : 'refused'}`, async () => {
        await actAs(who);
        const result = await action.run();
        if (ok && action.declinedWith) {
          expect(result).toMatchObject({ ok: false, error: expect.stringMatching(action.declinedWith) });
          return;
        }
        expect(result.ok).toBe(ok);
        if (!ok) expect(result.error).toMatch(who === 'anonymous' ? /sign in/i : /does not allow/);
      });
    }
  }

  it('every refusal leaves no audit entry and changes nothing', async () => {
    const target = await makeUser('viewer');
    await actAs('approver');
    const result = await changeRoleAction(null, form({ userId: target.id, role: 'admin' }));
    expect(result.ok).toBe(false);
    const { rows } = await testDb().query('SELECT role FROM app_user WHERE id = $1', [target.id]);
    expect(rows[0].role).toBe('viewer');
    const audit = await testDb().query(`SELECT 1 FROM audit_log WHERE action = 'role_changed' AND target_id = $1`, [target.id]);
    expect(audit.rowCount).toBe(0);
  });

  it('bulk decisions stand alone: one decided already gets its own 409 message, the rest go through', async () => {
    await actAs('approver');
    const [first, second] = [await pendingActionId(), await pendingActionId()];
    expect((await decideActionAction(null, form({ id: first, decision: 'reject', note: 'spam' }))).ok).toBe(true);
    const result = await decideActionsAction(null, formWithIds([first, second], { decision: 'approve' }));
    expect(result).toMatchObject({
      ok: true,
      results: [
        { id: first, ok: false, message: expect.stringMatching(/^Already rejected by .+@test\.callboard$/) },
        { id: second, ok: true, status: 'approved', message: expect.stringMatching(/Nothing was sent/) },
      ],
    });
  });

  it('a role change is audited with before and after', async () => {
    const target = await makeUser('viewer');
    await actAs('admin');
    expect((await changeRoleAction(null, form({ userId: target.id, role: 'approver' }))).ok).toBe(true);
    const { rows } = await testDb().query(`SELECT before, after, actor_email FROM audit_log WHERE action = 'role_changed' AND target_id = $1`, [target.id]);
    expect(rows).toMatchObject([{ before: { role: 'viewer' }, after: { role: 'approver' }, actor_email: expect.stringMatching(/@test\.callboard$/) }]);
  });
});
