import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import type { Role } from '@/lib/auth/roles';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { insertCall, privateWindow } from '@/test/calls';
import { parseCsv } from '@/test/csv';
import { testDb, uid } from '@/test/webhooks';

// GET /api/calls/export (the streamed CSV and its audit row) and the team time zone setting,
// against a real Postgres. The server action reads the request through next/headers, stood in
// for here with a real session cookie.

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { setTimeZoneAction } = await import('@/lib/server-actions/set-time-zone');

const tokens = new Map<Role, Promise<string>>();
const tokenFor = (role: Role) => {
  if (!tokens.has(role)) tokens.set(role, makeToken(role));
  return tokens.get(role) as Promise<string>;
};

const ids = async (path: string) => {
  const res = await listCalls(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${await tokenFor('approver')}` } }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { calls: { id: string }[] }).calls.map((c) => c.id);
};

async function download(query: string, role: Role = 'approver'): Promise<{ status: number; rows: string[][]; text: string; res: Response }> {
  const res = await exportCalls(new Request(`http://localhost/api/calls/export?${query}`, { headers: { authorization: `Bearer ${await tokenFor(role)}` } }));
  const text = await res.text();
  return { status: res.status, rows: res.ok ? parseCsv(text.replace(/^\uFEFF/, '')) : [], text, res };
}

afterAll(async () => {
  await testDb().query(`DELETE FROM team_setting WHERE key = 'time_zone'`);
});

describe('GET /api/calls/export', () => {
  it('an export nobody reads holds no connection once answered (it used to keep a transaction open for ever)', async () => {
    const marker = uid('unread');
    await insertCall(marker, { provider: 'atoms' });
    const token = await tokenFor('approver');
    // More unread answers than the app's pool has connections: each used to pin one.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        exportCalls(new Request(`http://localhost/api/calls/export?q=${marker}`, { headers: { authorization: `Bearer ${token}` } })),
      ),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const { rows } = await testDb().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE '%calls_export%'`,
    );
    expect(rows[0]?.n).toBe(0);
    expect((await download(`q=${marker}`)).rows).toHaveLength(2);
  });

  it('streams exactly the filtered set as CSV, times in the requested zone, and audits the download', async () => {
    const marker = uid('csv');
    const keep = await insertCall(marker, {
      provider: 'atoms',
      startedAt: new Date('2026-11-22T09:00:00Z'),
      durationSeconds: 61,
      summary: 'Said "call me, later"',
    });
    await insertCall(marker, { provider: 'mirai' });
    const { status, rows, res } = await download(`q=${marker}&provider=atoms&tz=Asia/Kolkata`);
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="calls-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...data] = rows;
    expect(header).toContain('started_at (Asia/Kolkata)');
    expect(data).toHaveLength(1);
    const record = Object.fromEntries((header ?? []).map((h, i) => [h, data[0]?.[i]]));
    expect(record).toMatchObject({
      call_id: keep.id,
      provider: 'atoms',
      'started_at (Asia/Kolkata)': '2026-11-22 14:30:00',
      duration_seconds: '61',
      summary: 'Said "call me, later"',
    });

    const { rows: audit } = await testDb().query(
      `SELECT actor_email, after FROM audit_log WHERE action = 'export_downloaded' AND after->'filters'->>'q' = $1`,
      [marker],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ timeZone: 'Asia/Kolkata', filters: { q: marker, provider: ['atoms'] } });
  });

  it('reads in batches from one snapshot: thousands of rows arrive complete and in order', async () => {
    const marker = uid('bulk');
    const window = privateWindow();
    await testDb().query(
      `INSERT INTO call (provider, provider_call_id, status, metadata, last_event_at, occurred_at, search_text)
       SELECT 'minivoice', $1 || '_' || g, 'completed', jsonb_build_object('marker', $1::text), $2::timestamptz + g * interval '1 second',
              $2::timestamptz + g * interval '1 second', $1 || '_' || g || ' ' || $1
       FROM generate_series(1, 2500) g`,
      [marker, window.at(0)],
    );
    const { rows } = await download(`${window.query}&sort=activity&dir=asc`);
    const data = rows.slice(1);
    expect(data).toHaveLength(2500);
    const providerCallIds = data.map((r) => r[1]);
    expect(providerCallIds[0]).toBe(`${marker}_1`);
    expect(providerCallIds.at(-1)).toBe(`${marker}_2500`);
    expect(new Set(providerCallIds).size).toBe(2500);
  });

  it('masks numbers for viewers, refuses the anonymous and bad filters in the envelope', async () => {
    const marker = uid('csvmask');
    await insertCall(marker, { customerNumber: '+919812345678' });
    const { rows } = await download(`q=${marker}`, 'viewer');
    expect(rows[1]?.[4]).toBe('+91•••••5678');
    const anonymous = await exportCalls(new Request(`http://localhost/api/calls/export?q=${marker}`));
    expect(anonymous.status).toBe(401);
    const bad = await download('status=bogus');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

describe('team time zone', () => {
  const form = (timeZone: string) => {
    const data = new FormData();
    data.set('timeZone', timeZone);
    return data;
  };
  async function actAs(role: Role): Promise<void> {
    const user = await makeUser(role);
    const { cookie } = await signIn(user.email, undefined, `198.51.100.${Math.floor(Math.random() * 250)}`);
    request.headers = new Headers({ origin: 'http://localhost', host: 'localhost', cookie });
  }

  it('only admins set it; the change is audited; exports and presets use it when the request names no zone', async () => {
    await actAs('approver');
    expect(await setTimeZoneAction(null, form('Asia/Kolkata'))).toMatchObject({ ok: false });
    await actAs('admin');
    expect(await setTimeZoneAction(null, form('Mars/Base'))).toMatchObject({ ok: false, error: expect.stringMatching(/not a time zone/) });
    expect(await setTimeZoneAction(null, form('Asia/Kolkata'))).toEqual({ ok: true, message: 'Dates now show in Asia/Kolkata' });
    const { rows: audit } = await testDb().query(
      `SELECT before, after, target_id FROM audit_log WHERE action = 'setting_changed' AND target_id = 'time_zone' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit[0]).toMatchObject({ target_id: 'time_zone', after: { timeZone: 'Asia/Kolkata' } });

    const marker = uid('teamtz');
    await insertCall(marker, { startedAt: new Date('2026-11-22T09:00:00Z') });
    const { rows } = await download(`q=${marker}`);
    expect(rows[0]).toContain('started_at (Asia/Kolkata)');
    expect(rows[1]).toContain('2026-11-22 14:30:00');
    const late = await insertCall(marker, { lastEventAt: new Date('2024-11-01T18:00:00Z') });
    expect(await ids(`/api/calls?q=${marker}&from=2024-11-01&to=2024-11-01`)).toEqual([late.id]);

    expect(await setTimeZoneAction(null, form(''))).toEqual({ ok: true, message: "Dates now show in each person's browser time zone" });
    const { rows: utc } = await download(`q=${marker}`);
    expect(utc[0]).toContain('started_at (UTC)');
  });
});
