import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as chartGet } from '@/app/api/analytics/[chart]/route';
import { PUT as thresholdPut } from '@/app/api/analytics/threshold/route';
import { makeToken } from '@/test/auth';
import { post, uid, useTestSecrets } from '@/test/webhooks';

// Every chart's numbers against a known set of Mirai calls posted through the real webhook route.
// Each test posts at its own fixed, unique days (the clock is set while posting: a delivery's
// receive time is the call's last activity and a credit entry's time), then asks for exactly
// those days with provider=mirai, so parallel tests never see each other's calls.

type Json = Record<string, unknown>;
/** The summary chart's body, as far as these tests read it. */
interface SummaryJson {
  current: Record<string, number>;
  previous: Record<string, number>;
  deltas: Record<string, unknown>;
  failures: unknown[];
}

let token: string;
beforeAll(async () => {
  useTestSecrets();
  token = await makeToken('approver');
});
afterEach(() => vi.useRealTimers());

async function chart<T = Json>(name: string, query: string): Promise<{ status: number; json: T; text: string }> {
  const res = await chartGet(new Request(`http://localhost/api/analytics/${name}?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ chart: name }),
  });
  // Decoded by hand: Response.text() drops the BOM the CSV starts with, which is part of the file.
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  return { status: res.status, json: res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : ({} as T), text };
}

interface Posted {
  at: string;
  type: string;
  status?: string;
  duration?: number;
  success?: boolean;
  credits?: { used: number; available: number };
  campaign?: string;
}

/** One Mirai v1 event for call `id`, received at `at`. */
async function postAt(id: string, p: Posted): Promise<void> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(p.at));
  const data: Json = { call: { id, status: p.status ?? 'completed', ...(p.duration !== undefined ? { durationSeconds: p.duration } : {}) } };
  if (p.success !== undefined) data.analysis = { success: p.success, summary: 'test' };
  if (p.credits) data.credits = p.credits;
  const body = { metadata: p.campaign ? { campaign: p.campaign } : {}, event: { type: p.type, data } };
  const res = await post('mirai', body);
  vi.useRealTimers();
  expect(res.status).toBe(200);
}

/** A day no other test uses: a random one in 1991–2015. */
function privateDay(): string {
  return new Date(Date.UTC(1991, 0, 1) + Math.floor(Math.random() * 9000) * 86_400_000).toISOString().slice(0, 10);
}
const next = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);

async function seed(day: string) {
  const d2 = next(day);
  await postAt(uid('a'), {
    at: `${day}T10:00:00Z`,
    type: 'end-of-call',
    duration: 60,
    success: true,
    credits: { used: 2, available: 100 },
    campaign: 'spring',
  });
  await postAt(uid('b'), {
    at: `${day}T11:00:00Z`,
    type: 'end-of-call',
    duration: 120,
    success: false,
    credits: { used: 3, available: 97 },
    campaign: 'autumn',
  });
  await postAt(uid('c'), { at: `${d2}T09:00:00Z`, type: 'call.no-answer', status: 'no-answer' });
  await postAt(uid('d'), { at: `${d2}T10:00:00Z`, type: 'end-of-call', duration: 30, success: true, credits: { used: 1, available: 96 } });
  return { query: `provider=mirai&from=${day}&to=${d2}&tz=UTC`, d2 };
}

describe('GET /api/analytics/<chart>', () => {
  it('volume: calls per day by outcome, every day present, and as CSV', async () => {
    const day = privateDay();
    const { query, d2 } = await seed(day);
    const res = await chart('volume', query);
    expect(res.status).toBe(200);
    expect(res.json.series).toEqual(['completed', 'no_answer']);
    expect(res.json.rows).toEqual([
      { bucket: day, completed: 2, no_answer: 0 },
      { bucket: d2, completed: 1, no_answer: 1 },
    ]);
    const csv = await chart('volume', `${query}&format=csv`);
    expect(csv.text).toBe(`\uFEFFbucket,completed,no_answer\r\n${day},2,0\r\n${d2},1,1\r\n`);
  });

  it('summary: headline numbers, failures by reason, and the empty previous period', async () => {
    const { query } = await seed(privateDay());
    const { json } = await chart<SummaryJson>('summary', query);
    expect(json.current).toMatchObject({ calls: 4, connected: 3, judged: 3, successful: 2, avgDuration: 70, creditsUsed: 6 });
    // percentile_cont over 30, 60, 120: 60 + 0.8 × 60.
    expect(json.current.p90Duration).toBeCloseTo(108, 6);
    expect(json.current.successRate).toBeCloseTo(2 / 3, 6);
    expect(json.failures).toEqual([
      { reason: 'busy', calls: 0 },
      { reason: 'no_answer', calls: 1 },
      { reason: 'validation_failed', calls: 0 },
      { reason: 'skipped', calls: 0 },
      { reason: 'timeout', calls: 0 },
    ]);
    expect(json.previous.calls).toBe(0);
    expect(json.deltas.calls).toEqual({ current: 4, previous: 0, change: 4, percent: null });
  });

  it('credits: used per day, split by a metadata key, and the balance line', async () => {
    const day = privateDay();
    const { query, d2 } = await seed(day);
    const total = await chart('credits', query);
    expect(total.json.rows).toEqual([
      { bucket: day, credits: 5 },
      { bucket: d2, credits: 1 },
    ]);
    const byCampaign = await chart('credits', `${query}&by=meta&key=campaign`);
    expect(byCampaign.json.series).toEqual(['autumn', 'spring', '(none)']);
    expect(byCampaign.json.rows).toEqual([
      { bucket: day, autumn: 3, spring: 2, '(none)': 0 },
      { bucket: d2, autumn: 0, spring: 0, '(none)': 1 },
    ]);
    const balance = await chart('balance', query);
    expect(balance.json.series).toEqual(['mirai']);
    expect(balance.json.rows).toEqual([
      { bucket: day, mirai: 97 },
      { bucket: d2, mirai: 96 },
    ]);
  });

  it('buckets days in the requested zone: 20:00 UTC is the next day in Kolkata', async () => {
    const day = privateDay();
    await postAt(uid('k'), { at: `${day}T20:00:00Z`, type: 'end-of-call', duration: 10, credits: { used: 4, available: 50 } });
    const { json } = await chart('volume', `provider=mirai&from=${next(day)}&to=${next(day)}&tz=Asia/Kolkata`);
    expect(json.rows).toEqual([{ bucket: next(day), completed: 1 }]);
    const utc = await chart('volume', `provider=mirai&from=${day}&to=${day}&tz=UTC`);
    expect(utc.json.rows).toEqual([{ bucket: day, completed: 1 }]);
  });

  it('low-balance threshold: admins set it (viewers may not), and the balance chart says when it is crossed', async () => {
    const { query } = await seed(privateDay());
    const put = async (role: 'admin' | 'viewer', threshold: number | null) =>
      (
        await thresholdPut(
          new Request('http://localhost/api/analytics/threshold', {
            method: 'PUT',
            headers: { authorization: `Bearer ${await makeToken(role)}`, 'content-type': 'application/json' },
            body: JSON.stringify({ threshold }),
          }),
        )
      ).status;
    expect(await put('viewer', 10)).toBe(403);
    // Higher than any balance: crossed, whatever other tests report meanwhile.
    expect(await put('admin', 1e12)).toBe(200);
    const low = await chart('balance', query);
    expect(low.json).toMatchObject({ threshold: 1e12, low: true });
    expect(low.json.balance).toEqual(expect.any(Number));
    expect(await put('admin', null)).toBe(200);
    expect((await chart('balance', query)).json).toMatchObject({ threshold: null, low: false });
  });

  it('refuses an unknown chart and a bad parameter', async () => {
    expect((await chart('nope', 'range=7d')).status).toBe(404);
    expect((await chart('volume', 'granularity=hour')).status).toBe(400);
  });
});
