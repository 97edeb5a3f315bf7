import { beforeAll, describe, expect, it } from 'vitest';
import { GET as chartGet } from '@/app/api/analytics/[chart]/route';
import type { DecisionsChart } from '@/lib/analytics/types';
import type { Actor } from '@/lib/auth/actor';
import { alertSettings } from '@/lib/queries/alerts/settings';
import { decisionTimes } from '@/lib/queries/analytics/decisions';
import { makeToken } from '@/test/auth';
import { seedActions } from '@/test/dispatch';
import { testDb } from '@/test/webhooks';

// "How fast decisions are made" (issue 18): time from an action raised (created_at) to its
// decision (decided_at), p50 and p90 per day in the asked zone and per approver, and how many
// waited past the waiting_approval limit (still pending ones included). Each test uses days of
// its own in 1991–2015, so tests running beside it never add actions to its buckets.

const viewer: Actor = { userId: 'decision-times-viewer', email: 'viewer@test.callboard', role: 'viewer', via: 'token' };

let token: string;
beforeAll(async () => {
  token = await makeToken('viewer');
});

function privateDay(): string {
  return new Date(Date.UTC(1991, 0, 1) + Math.floor(Math.random() * 9000) * 86_400_000).toISOString().slice(0, 10);
}
const next = (day: string, n = 1) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

interface Shape {
  kind?: 'create_order' | 'send_whatsapp';
  raised: string;
  /** Minutes after raised; absent = still pending. */
  waited?: number;
  by?: string;
  status?: string;
}

async function seed(shapes: Shape[]): Promise<string[]> {
  const ids: string[] = [];
  for (const s of shapes) {
    const [id] = await seedActions(1, s.kind ?? 'create_order', () => ({}));
    if (!id) throw new Error('no action seeded');
    const raised = new Date(s.raised);
    const decided = s.waited === undefined ? null : new Date(raised.getTime() + s.waited * 60_000);
    await testDb().query(`UPDATE action SET created_at = $2, decided_at = $3, decided_by_email = $4, status = $5 WHERE id = $1`, [
      id,
      raised,
      decided,
      decided ? (s.by ?? 'a@x') : null,
      decided ? (s.status ?? 'approved') : 'pending',
    ]);
    ids.push(id);
  }
  return ids;
}

async function chart(query: string): Promise<{ status: number; json: DecisionsChart; text: string }> {
  const res = await chartGet(new Request(`http://localhost/api/analytics/decisions?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ chart: 'decisions' }),
  });
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  return { status: res.status, json: res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as DecisionsChart) : ({} as DecisionsChart), text };
}

// The waiting_approval limit is a team setting other tests change while this one runs (1 minute
// to 7 days), so the waits here are either under a minute (never late) or 8 days (always late).
const DAYS_8 = 8 * 24 * 60;

describe('GET /api/analytics/decisions', () => {
  it('gives p50 and p90 per day, per approver, and counts those that waited past the limit', async () => {
    const day = privateDay();
    const d2 = next(day);
    await seed([
      // Day 1: 0.5, 0.6, 0.7, 0.8 minutes and 8 days (late); one still pending since 1991–2015 (late).
      { raised: `${day}T09:00:00Z`, waited: 0.5, by: 'a@x' },
      { raised: `${day}T09:10:00Z`, waited: 0.6, by: 'a@x' },
      { raised: `${day}T09:20:00Z`, waited: 0.7, by: 'a@x', status: 'rejected' },
      { raised: `${day}T09:30:00Z`, waited: 0.8, by: 'b@x', status: 'dispatched' },
      { raised: `${day}T09:40:00Z`, waited: DAYS_8, by: 'b@x' },
      { raised: `${day}T09:50:00Z` },
      // Day 2: one quick decision.
      { raised: `${d2}T12:00:00Z`, waited: 0.25, by: 'a@x' },
    ]);
    const { status, json } = await chart(`from=${day}&to=${d2}&tz=UTC`);
    expect(status).toBe(200);
    expect(json.timeZone).toBe('UTC');
    expect(json.limit.minutes).toBeGreaterThanOrEqual(1);
    expect(json.rows.map((r) => r.bucket)).toEqual([day, d2]);
    const [one, two] = json.rows;
    // percentile_cont over 30, 36, 42, 48 s and 8 days: p50 = 42 s, p90 = 48 + 0.6 × (8 days − 48) s.
    expect(one).toMatchObject({ raised: 6, decided: 5, waiting: 1, late: 2 });
    expect(one?.p50).toBeCloseTo(42, 6);
    expect(one?.p90).toBeCloseTo(48 + 0.6 * (DAYS_8 * 60 - 48), 3);
    expect(two).toMatchObject({ raised: 1, decided: 1, waiting: 0, late: 0, p50: 15, p90: 15 });
    expect(json.total).toMatchObject({ raised: 7, decided: 6, waiting: 1, late: 2 });
    // Per approver, most decisions first: a@x decided in 15, 30, 36, 42 s; b@x in 48 s and 8 days (late).
    expect(json.approvers.map((a) => a.approver)).toEqual(['a@x', 'b@x']);
    expect(json.approvers[0]).toMatchObject({ decided: 4, late: 0 });
    expect(json.approvers[0]?.p50).toBeCloseTo(33, 6);
    expect(json.approvers[1]).toMatchObject({ decided: 2, late: 1 });
    expect(json.approvers[1]?.p50).toBeCloseTo((48 + DAYS_8 * 60) / 2, 3);
  });

  it('names the limit as the alert rules have it', async () => {
    // Read around the request: a settings write by another test in between makes this round moot.
    for (let round = 0; round < 5; round++) {
      const before = (await alertSettings(testDb())).rules.waitingApproval;
      const day = privateDay();
      const { json } = await chart(`from=${day}&to=${day}&tz=UTC`);
      const after = (await alertSettings(testDb())).rules.waitingApproval;
      if (JSON.stringify(before) !== JSON.stringify(after)) continue;
      expect(json.limit).toEqual({ minutes: before.minutes, byKind: before.perKind });
      return;
    }
    throw new Error('the alert rules changed under every round');
  });

  it('puts an action on the day it was raised in the asked zone', async () => {
    const day = privateDay();
    // 20:00 UTC is the next day in Asia/Kolkata (+05:30).
    await seed([{ raised: `${day}T20:00:00Z`, waited: 0.5 }]);
    const kolkata = await chart(`from=${day}&to=${next(day)}&tz=Asia/Kolkata`);
    expect(kolkata.json.rows.find((r) => r.bucket === next(day))).toMatchObject({ decided: 1 });
    expect(kolkata.json.rows.find((r) => r.bucket === day)).toMatchObject({ raised: 0, decided: 0, p50: null, p90: null });
    const utc = await chart(`from=${day}&to=${day}&tz=UTC`);
    expect(utc.json.rows).toEqual([{ bucket: day, raised: 1, decided: 1, waiting: 0, late: 0, p50: 30, p90: 30 }]);
  });

  it('answers an empty period with empty days and a CSV with one row per day', async () => {
    const day = privateDay();
    await seed([{ raised: `${day}T08:00:00Z`, waited: DAYS_8, by: 'c@x' }]);
    const { json } = await chart(`from=${day}&to=${next(day, 2)}&tz=UTC`);
    expect(json.rows).toHaveLength(3);
    expect(json.rows[2]).toMatchObject({ raised: 0, decided: 0, p50: null });
    const csv = await chart(`from=${day}&to=${next(day, 2)}&tz=UTC&format=csv`);
    expect(csv.status).toBe(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('bucket,raised,decided,waiting,p50_seconds,p90_seconds,waited_past_limit');
    expect(lines[1]).toBe(`${day},1,1,0,${DAYS_8 * 60},${DAYS_8 * 60},1`);
    expect(lines).toHaveLength(4);
  });
});

describe('decisionTimes', () => {
  it("uses a kind's own limit over the default, and counts a pending action by how long it has waited so far", async () => {
    const day = privateDay();
    await seed([
      { kind: 'send_whatsapp', raised: `${day}T10:00:00Z`, waited: 6 },
      { kind: 'create_order', raised: `${day}T10:00:00Z`, waited: 6 },
      { kind: 'send_whatsapp', raised: `${day}T10:00:00Z` },
      { kind: 'create_order', raised: `${day}T10:00:00Z` },
    ]);
    const scope = { period: { from: day, to: day }, timeZone: 'UTC' };
    const limits = { minutes: 15, byKind: { send_whatsapp: 5 } };
    // At 10:10 the pending message has waited 10 minutes (past its 5), the pending order 10 (not past 15).
    const at1010 = await decisionTimes(viewer, scope, 'day', limits, new Date(`${day}T10:10:00Z`));
    expect(at1010.total).toMatchObject({ raised: 4, decided: 2, waiting: 2, late: 2 });
    const at1100 = await decisionTimes(viewer, scope, 'day', limits, new Date(`${day}T11:00:00Z`));
    expect(at1100.total.late).toBe(3);
  });
});
