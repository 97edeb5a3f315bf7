import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GET as listCalls } from '@/app/api/calls/route';
import type { Role } from '@/lib/auth/roles';
import { makeToken } from '@/test/auth';
import { insertCall, privateWindow } from '@/test/calls';
import { testDb, uid } from '@/test/webhooks';

// GET /api/calls against a real Postgres: search through the generated tsvector, every filter,
// keyset paging for every sort (across the calls without a value), and live updates. Each test
// makes its own calls and scopes its queries to them (a marker in the metadata, or a window of
// time no one else uses). The export and the team time zone: calls-export.integration.test.ts.

/** A page of GET /api/calls, as far as these tests read it (an error answer has `error` instead). */
interface CallsPage {
  calls: (Record<string, unknown> & { id: string; customerNumber: string })[];
  nextCursor: string | null;
  asOf: string;
}

const tokens = new Map<Role, Promise<string>>();
const tokenFor = (role: Role) => {
  if (!tokens.has(role)) tokens.set(role, makeToken(role));
  return tokens.get(role) as Promise<string>;
};

async function get(path: string, role: Role = 'approver'): Promise<{ status: number; json: CallsPage }> {
  const res = await listCalls(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${await tokenFor(role)}` } }));
  return { status: res.status, json: (await res.json()) as CallsPage };
}

const ids = async (path: string, role?: Role) => {
  const res = await get(path, role);
  expect(res.status).toBe(200);
  return (res.json.calls as { id: string }[]).map((c) => c.id);
};

/** Every page, following nextCursor. */
async function allPages(path: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(`${path}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...(res.json.calls as { id: string }[]).map((c) => c.id));
    cursor = res.json.nextCursor as string | null;
  } while (cursor);
  return seen;
}

describe('search', () => {
  it('finds a number with or without + and country code, by its last 10 digits, and for viewers by the full number', async () => {
    const marker = uid('phone');
    const digits = `98${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const { id } = await insertCall(marker, { customerNumber: `+91${digits}` });
    await insertCall(marker, { customerNumber: '+911111111111' });
    for (const q of [`+91${digits}`, `91${digits}`, digits, `+91 ${digits.slice(0, 5)} ${digits.slice(5)}`]) {
      expect(await ids(`/api/calls?q=${encodeURIComponent(q)}`)).toEqual([id]);
    }
    const viewer = await get(`/api/calls?q=${encodeURIComponent(`+91${digits}`)}`, 'viewer');
    expect(viewer.json.calls).toHaveLength(1);
    expect(viewer.json.calls[0]!.customerNumber).toBe(`+91•••••${digits.slice(-4)}`);
  });

  it('finds a call by provider call id, Callboard id, metadata value, summary word (stemmed) and transcript word', async () => {
    const marker = uid('words');
    const word = `zq${randomUUID().slice(0, 6).replace(/\d/g, 'x')}`;
    const a = await insertCall(marker, { metadata: { order: `ORD-${marker}` }, summary: `Customer wants refunds for ${word}` });
    const b = await insertCall(marker, { transcript: [{ role: 'customer', text: `Please deliver the ${word}lamp tomorrow`, at: null }] });
    expect(await ids(`/api/calls?q=${a.providerCallId}`)).toEqual([a.id]);
    expect(await ids(`/api/calls?q=${a.id}`)).toEqual([a.id]);
    expect(await ids(`/api/calls?q=ORD-${marker}`)).toEqual([a.id]);
    expect(await ids(`/api/calls?q=${encodeURIComponent(`refund ${word}`)}`)).toEqual([a.id]);
    expect(await ids(`/api/calls?q=${word}lamp`)).toEqual([b.id]);
    expect(await ids(`/api/calls?q=${encodeURIComponent(`${marker} deliver`)}`)).toEqual([b.id]);
    expect(await ids(`/api/calls?q=${marker}`)).toEqual([b.id, a.id]);
  });
});

describe('filters', () => {
  it('combine: providers, statuses, success, pending approval, agent, outcome and a metadata key', async () => {
    const marker = uid('filters');
    const atoms = await insertCall(marker, {
      provider: 'atoms',
      status: 'completed',
      success: true,
      agentId: `agent_${marker}`,
      disposition: 'callback_requested',
    });
    const mini = await insertCall(marker, { provider: 'minivoice', status: 'no_answer', success: false, metadata: { campaign: 'abandoned-cart', vip: true } });
    const mirai = await insertCall(marker, { provider: 'mirai', status: 'busy', metadata: { campaign: 'cod-confirmation' } });
    await testDb().query(
      `WITH e AS (INSERT INTO call_event (provider, dedupe_key, call_id, type, payload, normalized) VALUES ('mirai', $2, $1, 'action', '{}', '{}') RETURNING id)
       INSERT INTO action (provider, event_id, call_id, kind, raw_kind) SELECT 'mirai', id, $1, 'send_whatsapp', 'send_whatsapp' FROM e`,
      [mirai.id, uid('dedupe')],
    );
    const q = `q=${marker}`;
    expect(await ids(`/api/calls?${q}&provider=atoms,minivoice`)).toEqual([mini.id, atoms.id]);
    expect(await ids(`/api/calls?${q}&provider=atoms`)).toEqual([atoms.id]);
    expect(await ids(`/api/calls?${q}&status=busy,no_answer`)).toEqual([mirai.id, mini.id]);
    expect(await ids(`/api/calls?${q}&success=yes`)).toEqual([atoms.id]);
    expect(await ids(`/api/calls?${q}&success=no`)).toEqual([mini.id]);
    expect(await ids(`/api/calls?${q}&pending=yes`)).toEqual([mirai.id]);
    expect(await ids(`/api/calls?${q}&pending=no`)).toEqual([mini.id, atoms.id]);
    expect(await ids(`/api/calls?agent=agent_${marker}`)).toEqual([atoms.id]);
    expect(await ids(`/api/calls?${q}&outcome=callback_requested`)).toEqual([atoms.id]);
    expect(await ids(`/api/calls?${q}&meta=${encodeURIComponent('campaign=abandoned-cart')}`)).toEqual([mini.id]);
    expect(await ids(`/api/calls?${q}&meta=${encodeURIComponent('vip=true')}`)).toEqual([mini.id]);
    expect(await ids(`/api/calls?meta=${encodeURIComponent(`marker=${marker}`)}&status=busy`)).toEqual([mirai.id]);
    const row = (await get(`/api/calls?${q}&pending=yes`)).json.calls[0];
    expect(row).toMatchObject({ pendingActions: 1, provider: 'mirai', status: 'busy', outcome: null });
  });

  it('reads plain dates as whole days in the given zone, "to" included; presets start at the zone\'s midnight', async () => {
    const marker = uid('days');
    // 23:30 on 1 Nov in Kolkata is still 1 Nov there, but 18:00 UTC.
    const late = await insertCall(marker, { lastEventAt: new Date('2024-11-01T18:00:00Z') });
    const next = await insertCall(marker, { lastEventAt: new Date('2024-11-01T18:45:00Z') });
    expect(await ids(`/api/calls?q=${marker}&from=2024-11-01&to=2024-11-01&tz=Asia/Kolkata`)).toEqual([late.id]);
    expect(await ids(`/api/calls?q=${marker}&from=2024-11-02&to=2024-11-02&tz=Asia/Kolkata`)).toEqual([next.id]);
    expect(await ids(`/api/calls?q=${marker}&from=2024-11-01&to=2024-11-01&tz=UTC`)).toEqual([next.id, late.id]);
    const today = await insertCall(marker);
    expect(await ids(`/api/calls?q=${marker}&range=today&tz=Pacific/Kiritimati`)).toEqual([today.id]);
    expect(await ids(`/api/calls?q=${marker}&range=30d&tz=UTC`)).toEqual([today.id]);
  });

  it('answers 400 in the envelope for filters it cannot read', async () => {
    for (const query of ['status=completed,bogus', 'success=maybe', 'sort=sideways', 'range=2d', 'tz=Mars/Base', 'meta=novalue', 'updatedSince=soon']) {
      expect(await get(`/api/calls?${query}`)).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
    }
    expect(await get(`/api/calls?sort=duration&cursor=${Buffer.from(`2026-01-01T00:00:00.000Z|${randomUUID()}`).toString('base64url')}`)).toMatchObject({
      status: 400,
      json: { error: { code: 'invalid_cursor' } },
    });
  });
});

describe('sorting and keyset paging', () => {
  const durations = [30, null, 120, 45, null, 120, 5];

  /** Expected order: values in `dir` order (ties by id the same way), then the calls without a value by id. */
  function expected(calls: { id: string; value: number | null }[], dir: 'asc' | 'desc'): string[] {
    const sign = dir === 'asc' ? 1 : -1;
    const byId = (a: { id: string }, b: { id: string }) => sign * (a.id < b.id ? -1 : 1);
    const valued = calls.filter((c) => c.value !== null).sort((a, b) => sign * ((a.value ?? 0) - (b.value ?? 0)) || byId(a, b));
    return [...valued, ...calls.filter((c) => c.value === null).sort(byId)].map((c) => c.id);
  }

  it.each(['asc', 'desc'] as const)('pages through duration %s, nulls last, with and without a search, without repeats or gaps', async (dir) => {
    const marker = uid('sort');
    const window = privateWindow();
    const calls = [];
    for (const [i, d] of durations.entries()) calls.push({ id: (await insertCall(marker, { durationSeconds: d, lastEventAt: window.at(i) })).id, value: d });
    const order = expected(calls, dir);
    expect(await allPages(`/api/calls?${window.query}&sort=duration&dir=${dir}&limit=2`)).toEqual(order);
    expect(await allPages(`/api/calls?q=${marker}&sort=duration&dir=${dir}&limit=3`)).toEqual(order);
  });

  it('sorts by call start, credits and activity', async () => {
    const marker = uid('sorts');
    const window = privateWindow();
    const a = await insertCall(marker, { startedAt: window.at(5), creditsUsed: 2, lastEventAt: window.at(50) });
    const b = await insertCall(marker, { startedAt: null, creditsUsed: null, lastEventAt: window.at(40) });
    const c = await insertCall(marker, { startedAt: window.at(1), creditsUsed: 7.5, lastEventAt: window.at(60) });
    expect(await allPages(`/api/calls?${window.query}&sort=started&dir=desc&limit=1`)).toEqual([a.id, c.id, b.id]);
    expect(await allPages(`/api/calls?${window.query}&sort=started&dir=asc&limit=2`)).toEqual([c.id, a.id, b.id]);
    expect(await allPages(`/api/calls?${window.query}&sort=credits&limit=2`)).toEqual([c.id, a.id, b.id]);
    expect(await allPages(`/api/calls?${window.query}&sort=activity&dir=asc&limit=2`)).toEqual([b.id, a.id, c.id]);
    expect(await allPages(`/api/calls?${window.query}&limit=2`)).toEqual([c.id, a.id, b.id]);
  });
});

describe('live updates', () => {
  it('lists only calls with activity after updatedSince, and says when the page was read', async () => {
    const marker = uid('live');
    const old = await insertCall(marker, { lastEventAt: new Date(Date.now() - 3_600_000) });
    const first = await get(`/api/calls?q=${marker}`);
    expect(first.json.calls.map((c: { id: string }) => c.id)).toEqual([old.id]);
    expect(Date.parse(first.json.asOf)).toBeGreaterThan(Date.now() - 60_000);
    const fresh = await insertCall(marker);
    await testDb().query(`UPDATE call SET status = 'failed', last_event_at = now() WHERE id = $1`, [old.id]);
    const changed = await get(`/api/calls?q=${marker}&updatedSince=${encodeURIComponent(first.json.asOf)}`);
    expect(changed.json.calls.map((c: { id: string }) => c.id).sort()).toEqual([fresh.id, old.id].sort());
    expect(changed.json.calls.find((c: { id: string }) => c.id === old.id)).toMatchObject({ status: 'failed' });
  });
});
