import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { GET as chartGet } from '@/app/api/analytics/[chart]/route';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { closePools } from '@/lib/db';
import { reprocess } from '@/lib/ingest/reprocess';
import { applyMigrations } from '@/prisma/migrate';
import { makeToken } from '@/test/auth';
import { parseCsv } from '@/test/csv';
import { createIsolatedDatabase } from '@/test/setup/test-database';
import { post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Issue 15, "When a call happened": a call is placed in time by when it happened (its start, else
// its first provider-stamped event, else its first receipt), never by its latest activity. Its
// events may arrive days late, be delivered again, be joined by late events and be reprocessed:
// its day in the list, the CSV, every chart and the rollups stays the day it happened. Credits
// count on the day the provider reported them (the credit entry's time).
//
// Its own database: "nothing today" and a reprocess of every call must see this file's calls only.
const own = await createIsolatedDatabase('callboard_ha_', inject('databaseUrl'));
await applyMigrations(own.url);
process.env.DATABASE_URL = own.url;

// biome-ignore lint/suspicious/noExplicitAny: chart answers are read by shape in the assertions
type Json = Record<string, any>;

let token: string;
beforeAll(async () => {
  useTestSecrets();
  token = await makeToken('approver');
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  await closePools();
  await testDb().end();
  await own.dispose();
});

const DAY_MS = 86_400_000;
const isoDay = (at: number | Date) => new Date(at).toISOString().slice(0, 10);

async function list(query: string): Promise<string[]> {
  const res = await listCalls(new Request(`http://localhost/api/calls?${query}`, { headers: { authorization: `Bearer ${token}` } }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { calls: { providerCallId: string }[] }).calls.map((c) => c.providerCallId);
}

async function csv(query: string): Promise<string[][]> {
  const res = await exportCalls(new Request(`http://localhost/api/calls/export?${query}`, { headers: { authorization: `Bearer ${token}` } }));
  expect(res.status).toBe(200);
  return parseCsv((await res.text()).replace(/^\uFEFF/, ''));
}

async function chart(name: string, query: string): Promise<Json> {
  const res = await chartGet(new Request(`http://localhost/api/analytics/${name}?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ chart: name }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

/** A Mirai v1 call's two events: it rang at `startedAt` and ended at `endedAt`, credits reported with the end. */
function miraiCall(id: string, marker: string, startedAt: string, endedAt: string) {
  const call = { id, status: 'completed', startedAt, endedAt, durationSeconds: Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000) };
  return [
    { metadata: { marker }, event: { type: 'call.in-progress', data: { call: { id, status: 'in-progress', startedAt } } } },
    {
      metadata: { marker },
      event: {
        type: 'end-of-call',
        data: { call, analysis: { success: true, summary: 'ok' }, credits: { used: 2.5, available: 40 }, report: { reAttemptCount: 0, rescheduledCount: 0 } },
      },
    },
  ];
}

async function postAll(bodies: object[], at?: Date): Promise<void> {
  if (at) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
  }
  for (const body of bodies) expect((await post('mirai', body)).status).toBe(200);
  vi.useRealTimers();
}

const rollupRows = async (day: string) =>
  (
    await testDb().query(
      `SELECT 'status' AS t, day::text, status AS k, calls, duration_n AS credits_n, duration_sum::text AS credits_sum FROM call_day_status WHERE day = $1::date AND calls <> 0
       UNION ALL SELECT 'agent', day::text, agent, 0, credits_n, credits_sum::text FROM call_day_agent WHERE day BETWEEN $1::date AND $1::date + 1 AND credits_n <> 0
       UNION ALL SELECT 'duration', day::text, duration_seconds::text, calls, 0, '0' FROM call_day_duration WHERE day = $1::date AND calls <> 0
       ORDER BY 1, 2, 3`,
      [day],
    )
  ).rows;

describe('a call is placed in time by when it happened', () => {
  it('a call made ten days ago whose events arrive today: absent from today, present on its own day in the list, the CSV and every chart', async () => {
    const marker = uid('tendays');
    const id = uid('late');
    const started = new Date(Date.now() - 10 * DAY_MS);
    started.setUTCHours(9, 0, 0, 0);
    const day = isoDay(started);
    // Received now: the call's latest activity is today.
    await postAll(miraiCall(id, marker, started.toISOString(), new Date(started.getTime() + 5 * 60_000).toISOString()));

    const mine = `meta=marker=${marker}&tz=UTC`;
    expect(await list(`${mine}&range=today`)).toEqual([]);
    expect(await list(`${mine}&range=7d`)).toEqual([]);
    expect(await list(`${mine}&range=30d`)).toEqual([id]);
    expect(await list(`${mine}&from=${day}&to=${day}`)).toEqual([id]);
    expect(await list(`${mine}`)).toEqual([id]);

    const rows = await csv(`${mine}&from=${day}&to=${day}`);
    expect(rows.slice(1).map((r) => r.includes(id))).toEqual([true]);
    expect((await csv(`${mine}&range=today`)).slice(1)).toEqual([]);

    const charts = `provider=mirai&from=${day}&to=${day}&tz=UTC`;
    expect((await chart('summary', charts)).current).toMatchObject({ calls: 1, creditsUsed: 2.5 });
    expect((await chart('volume', charts)).rows).toEqual([{ bucket: day, completed: 1 }]);
    expect((await chart('credits', charts)).rows).toEqual([{ bucket: day, credits: 2.5 }]);
    const today = `provider=mirai&range=today&tz=UTC`;
    expect((await chart('summary', today)).current.calls).toBe(0);
    // The same through the live path (a zone the rollups are not in) as through the rollups.
    const kolkata = await chart('volume', `provider=mirai&from=${day}&to=${day}&tz=Asia/Kolkata`);
    expect(kolkata.rows).toEqual([{ bucket: day, completed: 1 }]);
  });

  it('credits count on the day the provider reported them, not the day the call happened', async () => {
    const marker = uid('credits');
    const id = uid('midnight');
    const day = '2003-04-05';
    const after = '2003-04-06';
    // Started five minutes before midnight UTC, ended (and billed) ten minutes after it.
    await postAll(miraiCall(id, marker, `${day}T23:55:00.000Z`, `${after}T00:10:00.000Z`), new Date(`${after}T00:11:00Z`));

    const both = `provider=mirai&from=${day}&to=${after}`;
    // UTC: the rollups' zone here; Africa/Abidjan (UTC all year) is answered live from call.
    for (const tz of ['UTC', 'Africa/Abidjan']) {
      const zone = `${both}&tz=${tz}`;
      expect((await chart('volume', zone)).rows).toEqual([
        { bucket: day, completed: 1 },
        { bucket: after, completed: 0 },
      ]);
      expect((await chart('credits', zone)).rows).toEqual([
        { bucket: day, credits: 0 },
        { bucket: after, credits: 2.5 },
      ]);
      expect((await chart('credits', `${zone}&by=provider`)).rows).toEqual([
        { bucket: day, mirai: 0 },
        { bucket: after, mirai: 2.5 },
      ]);
      expect((await chart('credits', `${zone}&by=agent`)).rows).toEqual([
        { bucket: day, '(none)': 0 },
        { bucket: after, '(none)': 2.5 },
      ]);
      expect((await chart('summary', `provider=mirai&from=${day}&to=${day}&tz=${tz}`)).current).toMatchObject({ calls: 1, creditsUsed: 0 });
      expect((await chart('summary', `provider=mirai&from=${after}&to=${after}&tz=${tz}`)).current).toMatchObject({ calls: 0, creditsUsed: 2.5 });
    }
  });

  it('re-delivery, late events and reprocessing a week later never move a call to another day', async () => {
    const marker = uid('replay');
    const id = uid('replayed');
    const day = '2007-08-09';
    const events = miraiCall(id, marker, `${day}T10:00:00.000Z`, `${day}T10:04:00.000Z`);
    await postAll(events, new Date(`${day}T10:05:00Z`));

    const read = async () => {
      const { rows } = await testDb().query(`SELECT occurred_at, last_event_at FROM call WHERE provider = 'mirai' AND provider_call_id = $1`, [id]);
      return rows[0] as { occurred_at: Date; last_event_at: Date };
    };
    const mine = `meta=marker=${marker}&tz=UTC`;
    const charts = `provider=mirai&from=${day}&to=${day}&tz=UTC`;
    const state = async () => ({
      occurredAt: (await read()).occurred_at.toISOString(),
      onDay: await list(`${mine}&from=${day}&to=${day}`),
      volume: (await chart('volume', charts)).rows,
      credits: (await chart('credits', charts)).rows,
      rollups: await rollupRows(day),
    });
    const before = await state();
    expect(before).toMatchObject({ occurredAt: `${day}T10:00:00.000Z`, onDay: [id], volume: [{ bucket: day, completed: 1 }] });

    // A week later: every event delivered again, and a late analysis event the call never had.
    const weekLater = new Date(Date.parse(`${day}T10:05:00Z`) + 7 * DAY_MS);
    const late = { metadata: { marker }, event: { type: 'call.completed', data: { call: { id, status: 'completed' } } } };
    await postAll([...events, late], weekLater);
    expect((await read()).last_event_at.toISOString()).toBe(weekLater.toISOString());
    expect(await state()).toEqual(before);

    const client = await testDb().connect();
    try {
      await reprocess(client, { kind: 'all' }, { actor: { id: null, email: 'test' } });
    } finally {
      client.release();
    }
    expect(await state()).toEqual(before);
    expect(await list(`${mine}&from=${isoDay(weekLater)}&to=${isoDay(weekLater)}`)).toEqual([]);
  });

  it('latest activity stays available as a sort, and the default order is by when calls happened', async () => {
    const marker = uid('sorts');
    const early = uid('early');
    const later = uid('later');
    // `early` happened first but was last heard from; `later` happened after it.
    await postAll(miraiCall(later, marker, '2011-02-03T12:00:00.000Z', '2011-02-03T12:01:00.000Z'), new Date('2011-02-03T12:02:00Z'));
    await postAll(miraiCall(early, marker, '2011-02-03T08:00:00.000Z', '2011-02-03T08:01:00.000Z'), new Date('2011-02-03T13:00:00Z'));
    const mine = `meta=marker=${marker}`;
    expect(await list(mine)).toEqual([later, early]);
    expect(await list(`${mine}&sort=happened&dir=asc`)).toEqual([early, later]);
    expect(await list(`${mine}&sort=activity&dir=desc`)).toEqual([early, later]);
  });
});
