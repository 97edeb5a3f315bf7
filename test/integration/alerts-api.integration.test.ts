import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@/lib/alerts/rules';
import type { Role } from '@/lib/auth/roles';
import { freshKind } from '@/test/alerts';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { testDb } from '@/test/webhooks';

// The alerts JSON API: GET /api/alerts (every signed-in role; keyset pages; bad input 400),
// POST /api/alerts/{id}/acknowledge (approvers and admins; audited), GET/PUT
// /api/settings/alert-rules (read by approvers and admins, written by admins; audited), and
// GET /api/cron/alerts (CRON_SECRET). The cron's evaluation is a spy here: run for real at the
// present it would evaluate every rule in the database the other files share (the evaluation
// itself is tested in alerts-rules and alerts-lifecycle).

process.env.CRON_SECRET = 'alerts-cron-secret-0123456789abcdef';
const evaluateAlerts = vi.fn(async () => ({ rules: ['waiting_approval'], opened: [], refreshed: 2, resolved: [] }));
vi.mock('@/lib/commands/alerts/evaluate', () => ({ evaluateAlerts }));
// The Settings form's server action reads the request through next/headers.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { GET: list } = await import('@/app/api/alerts/route');
const { POST: acknowledge } = await import('@/app/api/alerts/[id]/acknowledge/route');
const { GET: getRules, PUT: putRules } = await import('@/app/api/settings/alert-rules/route');
const { GET: cron } = await import('@/app/api/cron/alerts/route');
const { setAlertRulesAction } = await import('@/lib/server-actions/set-alert-rules');

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'viewer', 'approver', 'admin'];
const headersOf = async (who: Who): Promise<Record<string, string>> => (who === 'anonymous' ? {} : { authorization: `Bearer ${await makeToken(who)}` });

async function insertAlert(subject: string, opts: { state?: 'open' | 'resolved'; openedAt?: Date } = {}): Promise<string> {
  const { rows } = await testDb().query<{ id: string }>(
    `INSERT INTO alert (rule, subject, state, severity, title, link, opened_at, last_true_at, resolved_at)
     VALUES ('waiting_approval', $1, $2, 'warning', $3, '/approvals', $4, $4, CASE WHEN $2 = 'resolved' THEN $4::timestamptz + interval '10 minutes' END) RETURNING id`,
    [subject, opts.state ?? 'open', `2 ${subject} actions waiting over 15 min — oldest 20 min`, opts.openedAt ?? new Date()],
  );
  return String(rows[0]?.id);
}

const listAs = async (who: Who, query = '') => list(new Request(`http://localhost/api/alerts${query}`, { headers: await headersOf(who) }));
const ackAs = async (who: Who, id: string) =>
  acknowledge(new Request(`http://localhost/api/alerts/${id}/acknowledge`, { method: 'POST', headers: await headersOf(who) }), {
    params: Promise.resolve({ id }),
  });
const putAs = async (who: Who, body: unknown) =>
  putRules(
    new Request('http://localhost/api/settings/alert-rules', {
      method: 'PUT',
      headers: { ...(await headersOf(who)), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

describe('GET /api/alerts', () => {
  it.each(WHO)('%s', async (who) => {
    const subject = freshKind();
    await insertAlert(subject);
    const res = await listAs(who, '?limit=100');
    expect(res.status).toBe(who === 'anonymous' ? 401 : 200);
    if (res.status !== 200) return;
    const body = (await res.json()) as { alerts: { subject: string; state: string }[]; counts: { open: number } };
    expect(body.counts.open).toBeGreaterThanOrEqual(1);
    expect(body.alerts.every((a) => a.state === 'open')).toBe(true);
  });

  it('lists by state, newest opened first, in keyset pages with the fields the UI reads', async () => {
    const base = new Date(Date.UTC(1993, 4, 1, 12));
    const subject = freshKind();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await insertAlert(`${subject}_${i}`, { state: 'resolved', openedAt: new Date(base.getTime() + i * 60_000) }));
    // Resolved ones of 1993, found by paging from a cursor just after them.
    const headers = await headersOf('viewer');
    const page = async (cursor?: string) => {
      const res = await list(new Request(`http://localhost/api/alerts?state=resolved&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers }));
      expect(res.status).toBe(200);
      return (await res.json()) as { alerts: Record<string, unknown>[]; nextCursor: string | null };
    };
    const after = Buffer.from(`${new Date(base.getTime() + 10 * 60_000).toISOString()}|ffffffff-ffff-ffff-ffff-ffffffffffff`).toString('base64url');
    const first = await page(after);
    expect(first.alerts.map((a) => a.id)).toEqual([ids[2], ids[1]]);
    expect(first.alerts[0]).toEqual({
      id: ids[2],
      rule: 'waiting_approval',
      subject: `${subject}_2`,
      state: 'resolved',
      severity: 'warning',
      title: `2 ${subject}_2 actions waiting over 15 min — oldest 20 min`,
      detail: null,
      link: '/approvals',
      facts: {},
      openedAt: new Date(base.getTime() + 120_000).toISOString(),
      lastTrueAt: new Date(base.getTime() + 120_000).toISOString(),
      resolvedAt: new Date(base.getTime() + 720_000).toISOString(),
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    expect(first.nextCursor).toBeTruthy();
    const second = await page(first.nextCursor ?? undefined);
    expect(second.alerts[0]?.id).toBe(ids[0]);
  });

  it.each([
    ['state=closed', 'invalid_request'],
    ['rule=nope', 'invalid_request'],
    ['limit=0', 'invalid_request'],
    ['limit=101', 'invalid_request'],
    ['cursor=not-a-cursor', 'invalid_cursor'],
  ])('400 for %s', async (query, code) => {
    const res = await listAs('viewer', `?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code } });
  });
});

describe('POST /api/alerts/{id}/acknowledge', () => {
  it.each([
    ['anonymous', 401],
    ['viewer', 403],
    ['approver', 200],
    ['admin', 200],
  ] as const)('%s → %i', async (who, status) => {
    const id = await insertAlert(freshKind());
    expect((await ackAs(who, id)).status).toBe(status);
  });

  it('records who and when, once (audited); a second acknowledgement keeps the first', async () => {
    const id = await insertAlert(freshKind());
    const first = await ackAs('approver', id);
    const { alert } = (await first.json()) as { alert: { acknowledgedBy: string; acknowledgedAt: string; state: string } };
    expect(alert).toMatchObject({ state: 'open', acknowledgedBy: expect.stringMatching(/^approver_.*@test\.callboard$/) });
    const again = (await (await ackAs('admin', id)).json()) as { alert: { acknowledgedBy: string; acknowledgedAt: string } };
    expect(again.alert).toEqual(expect.objectContaining({ acknowledgedBy: alert.acknowledgedBy, acknowledgedAt: alert.acknowledgedAt }));
    const { rows } = await testDb().query(`SELECT actor_email, after FROM audit_log WHERE action = 'alert_acknowledged' AND target_id = $1`, [id]);
    expect(rows).toEqual([{ actor_email: alert.acknowledgedBy, after: expect.objectContaining({ rule: 'waiting_approval', state: 'open' }) }]);
  });

  it('404 for an unknown or malformed id', async () => {
    expect((await ackAs('approver', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await ackAs('approver', 'nope')).status).toBe(404);
  });
});

describe('/api/settings/alert-rules', () => {
  it.each([
    ['anonymous', 401, 401],
    ['viewer', 403, 403],
    ['approver', 200, 403],
    ['admin', 200, 200],
  ] as const)('%s reads %i, writes %i', async (who, read, write) => {
    expect((await getRules(new Request('http://localhost/api/settings/alert-rules', { headers: await headersOf(who) }))).status).toBe(read);
    // Writing the defaults changes nothing another test could notice.
    expect((await putAs(who, { rules: DEFAULT_ALERT_RULES })).status).toBe(write);
  });

  it('fills the defaults, saves a per-kind limit (audited), and goes back to the defaults with null', async () => {
    const kind = freshKind();
    const res = await putAs('admin', { rules: { waitingApproval: { perKind: { [kind]: 45 } } } });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { rules: typeof DEFAULT_ALERT_RULES; defaults: typeof DEFAULT_ALERT_RULES; isDefault: boolean; updatedBy: string };
    expect(saved.rules).toEqual({ ...DEFAULT_ALERT_RULES, waitingApproval: { ...DEFAULT_ALERT_RULES.waitingApproval, perKind: { [kind]: 45 } } });
    expect(saved).toMatchObject({ defaults: DEFAULT_ALERT_RULES, isDefault: false, updatedBy: expect.stringMatching(/^admin_/) });
    const { rows } = await testDb().query(
      `SELECT before, after FROM audit_log WHERE action = 'setting_changed' AND target_id = 'alert_rules' AND after -> 'alertRules' -> 'waitingApproval' -> 'perKind' ? $1`,
      [kind],
    );
    expect(rows).toHaveLength(1);
    const back = (await (await putAs('admin', { rules: null })).json()) as { rules: unknown; isDefault: boolean };
    expect(back).toMatchObject({ rules: DEFAULT_ALERT_RULES, isDefault: true });
  });

  it.each([
    [{ rules: { waitingApproval: { minutes: 0 } } }],
    [{ rules: { providerRefusing: { percent: 'twenty' } } }],
    [{ rules: { waitingApproval: { perKind: { 'Bad Kind': 5 } } } }],
    [{ rules: { providerSilent: { window: { days: [1], start: '18:00', end: '08:00' } } } }],
    [{}],
    [[]],
  ])('400 for %j', async (body) => {
    const res = await putAs('admin', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

describe('the Settings form (server action)', () => {
  async function actAs(who: Who): Promise<void> {
    request.headers = new Headers({ origin: 'http://localhost', host: 'localhost' });
    if (who === 'anonymous') return;
    const user = await makeUser(who);
    const { cookie } = await signIn(user.email, undefined, `198.51.100.${Math.floor(Math.random() * 250)}`);
    request.headers.set('cookie', cookie);
  }
  const ALL_ON = ['waitingApproval', 'lowCredits', 'providerRefusing', 'providerSilent', 'dispatchFailed', 'missingEvents'];
  const form = (fields: [string, string][]) => {
    const data = new FormData();
    for (const rule of ALL_ON) data.append(`${rule}.enabled`, 'on');
    for (const [k, v] of fields) data.append(k, v);
    return data;
  };

  it('only admins save; a bad value is refused naming the field; a per-kind limit is saved', async () => {
    const kind = freshKind();
    for (const who of ['anonymous', 'viewer', 'approver'] as const) {
      await actAs(who);
      expect(await setAlertRulesAction(null, form([['waitingApproval.perKind', `${kind}=30`]])), who).toMatchObject({ ok: false });
    }
    await actAs('admin');
    const bad = await setAlertRulesAction(null, form([['waitingApproval.minutes', '0']]));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^waitingApproval\.minutes: /) });
    expect(await setAlertRulesAction(null, form([['waitingApproval.perKind', `${kind}=30`]]))).toEqual({
      ok: true,
      message: 'Saved: the next evaluation (within a minute) uses these rules',
    });
    const saved = (await (await getRules(new Request('http://localhost/api/settings/alert-rules', { headers: await headersOf('approver') }))).json()) as {
      rules: typeof DEFAULT_ALERT_RULES;
    };
    expect(saved.rules).toEqual({ ...DEFAULT_ALERT_RULES, waitingApproval: { ...DEFAULT_ALERT_RULES.waitingApproval, perKind: { [kind]: 30 } } });
    expect((await putAs('admin', { rules: null })).status).toBe(200);
  });
});

describe('GET /api/cron/alerts', () => {
  const call = (auth?: string) => cron(new Request('http://localhost/api/cron/alerts', { headers: auth ? { authorization: auth } : {} }));

  it('refuses without the CRON_SECRET bearer, and evaluates every rule with it', async () => {
    expect((await call()).status).toBe(401);
    expect((await call('Bearer wrong')).status).toBe(401);
    expect(evaluateAlerts).not.toHaveBeenCalled();
    const res = await call(`Bearer ${process.env.CRON_SECRET}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, rules: ['waiting_approval'], opened: [], refreshed: 2, resolved: [] });
    expect(evaluateAlerts).toHaveBeenCalledWith();
  });

  it('answers 503 when no CRON_SECRET is configured', async () => {
    const saved = process.env.CRON_SECRET;
    delete process.env.CRON_SECRET;
    vi.resetModules();
    try {
      const { GET: unconfigured } = await import('@/app/api/cron/alerts/route');
      const res = await unconfigured(new Request('http://localhost/api/cron/alerts', { headers: { authorization: 'Bearer anything' } }));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'cron_not_configured' } });
    } finally {
      process.env.CRON_SECRET = saved;
    }
  });
});
