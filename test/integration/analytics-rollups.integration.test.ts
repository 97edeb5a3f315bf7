import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { GET as chartGet } from '@/app/api/analytics/[chart]/route';
import { type Period, previousPeriod } from '@/lib/analytics/period';
import type { Actor } from '@/lib/auth/actor';
import { setBreakdownKeys } from '@/lib/commands/settings/set-breakdown-keys';
import { setTeamTimeZone } from '@/lib/commands/settings/set-team-time-zone';
import { closePools, transaction } from '@/lib/db';
import { liveCredits, liveHeadline, liveVolume } from '@/lib/queries/analytics/aggregates';
import { rebuildRollups, rollupCredits, rollupHeadline, rollupVolume } from '@/lib/queries/analytics/rollups';
import type { Scope } from '@/lib/queries/analytics/shared';
import { applyMigrations } from '@/prisma/migrate';
import { generateCalls, type SimCall } from '@/simulator/lifecycles';
import { SIM_PROVIDERS } from '@/simulator/sign';
import { makeToken } from '@/test/auth';
import { rollupDrift } from '@/test/rollups';
import { createIsolatedDatabase, onEmbeddedPostgres } from '@/test/setup/test-database';
import { post, testDb, useTestSecrets } from '@/test/webhooks';

// The analytics rollups against the live queries over call, on calls posted through the real
// webhook routes. Changing the team's time zone rebuilds the rollups for the whole team, so this
// file has a database of its own: other files may change the zone on the shared one at any time.
const shared = inject('databaseUrl');
const own = await createIsolatedDatabase('callboard_ru_', shared);
await applyMigrations(own.url);
process.env.DATABASE_URL = own.url;
useTestSecrets();

const admin: Actor = { userId: 'rollup-test', email: 'rollup-test@test.callboard', role: 'admin', via: 'token' };
const day = (start: string, n: number) => new Date(Date.parse(start) + n * 86_400_000).toISOString().slice(0, 10);

/** Five private days in 1991–2015 (the file's database is its own, but days keep tests apart). */
function privateWindow(): Period {
  const from = new Date(Date.UTC(1991, 0, 1) + Math.floor(Math.random() * 9000) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: day(from, 4) };
}

/** Simulated calls of every provider and dialect, each event received 47 s after the previous one. */
async function postCalls(window: Period, count: number, seed: number): Promise<SimCall[]> {
  const calls = generateCalls({ count, seed, now: new Date(`${day(window.to, 1)}T00:00:00Z`), providers: SIM_PROVIDERS, days: 5 });
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    for (const call of calls) {
      for (const [i, event] of call.events.entries()) {
        vi.setSystemTime(Date.parse(call.startedAt) + i * 47_000);
        expect((await post(call.provider, event)).status).toBe(200);
      }
    }
  } finally {
    vi.useRealTimers();
  }
  return calls;
}

/**
 * Calls with awkward numbers, straight into the table: float sums that only add up exactly as
 * decimals, and whole numbers on both sides of 10^15 (where exactSum changes method).
 */
async function insertAwkward(window: Period, marker: string): Promise<void> {
  await testDb().query(
    `INSERT INTO call (provider, provider_call_id, status, occurred_at, credits_at, duration_seconds, credits_used, success, attempts, rescheduled_count, agent_id, application_id, metadata)
     SELECT (ARRAY['mirai', 'atoms', 'minivoice'])[1 + g % 3], $3 || g, (ARRAY['completed', 'busy', 'voicemail', 'in_progress', 'timeout', 'skipped'])[1 + g % 6],
            $1::date + (g * interval '97 minutes') + interval '30 minutes',
            -- Credits reported hours after the call (often the next day), at once, or (written by hand) not stamped.
            $1::date + (g * interval '97 minutes') + (ARRAY[interval '30 minutes', interval '14 hours', NULL])[1 + g % 3], (ARRAY[0.1, 0.2, 0.7, 1.0 / 3, 1e-7, 12345.678, NULL, 999999999999999, 1e15, 123456789012345678])[1 + g % 10],
            (ARRAY[0.1, 0.2, 0.3, NULL, 2.675, 0])[1 + g % 6], (ARRAY[true, false, NULL])[1 + g % 3], 1 + g % 3,
            (ARRAY[NULL, 0, 2])[1 + g % 3], CASE WHEN g % 4 = 0 THEN 'agent_' || g % 2 END, CASE WHEN g % 5 = 0 THEN 'app_1' END,
            -- Every shape a metadata value takes: numbers, booleans, objects, JSON null, a key missing.
            (ARRAY['{"campaign": 7, "store": true}', '{"campaign": {"a": [1, 2]}, "store": null}', '{"campaign": "(none)"}', '{}',
                   '{"campaign": 1.10, "store": "s 1"}', '{"store": "s 1", "order_id": "x"}', '{"campaign": false, "store": ""}'])[1 + g % 7]::jsonb
     FROM generate_series(1, 60) g WHERE $1::date + (g * interval '97 minutes') < $2::date + 1`,
    [window.from, window.to, marker],
  );
  // Edits and removals go through the triggers too.
  await testDb().query(`UPDATE call SET credits_used = credits_used + 0.1, duration_seconds = duration_seconds * 3 WHERE provider_call_id LIKE $1 || '1%'`, [
    marker,
  ]);
  await testDb().query(`UPDATE call SET metadata = metadata || '{"campaign": "late"}' WHERE provider_call_id LIKE $1 || '3%'`, [marker]);
  await testDb().query(`DELETE FROM call WHERE provider_call_id LIKE $1 || '2%'`, [marker]);
}

/** Every query the rollups answer, both ways, over periods, provider filters, buckets and breakdowns (`keys`: the metadata keys counted). */
async function expectSameBothWays(window: Period, timeZone: string, keys = ['campaign', 'store']): Promise<number> {
  const periods = [window, { from: day(window.from, 1), to: day(window.from, 3) }, { from: window.to, to: window.to }, previousPeriod(window)];
  let compared = 0;
  for (const provider of [undefined, ['mirai'], ['atoms', 'minivoice', 'mirai-v2']]) {
    for (const period of periods) {
      const scope: Scope = { period, timeZone, ...(provider ? { provider } : {}) };
      const what = `${timeZone} ${period.from}..${period.to} ${provider?.join('+') ?? 'all'}`;
      expect(await rollupHeadline(scope, period), `headline ${what}`).toEqual(await liveHeadline(scope, period));
      for (const granularity of ['day', 'week', 'month'] as const) {
        expect(await rollupVolume(scope, granularity), `volume ${granularity} ${what}`).toEqual(await liveVolume(scope, granularity));
        for (const by of ['none', 'provider', 'agent'] as const) {
          expect(await rollupCredits(scope, granularity, by), `credits ${by} ${granularity} ${what}`).toEqual(await liveCredits(scope, granularity, by));
        }
        for (const key of keys) {
          expect(await rollupCredits(scope, granularity, 'meta', key), `credits by ${key} ${granularity} ${what}`).toEqual(
            await liveCredits(scope, granularity, 'meta', key),
          );
        }
        compared += 4 + keys.length;
      }
      compared++;
    }
  }
  return compared;
}

let token: string;
beforeAll(async () => {
  token = await makeToken('approver');
});

afterAll(async () => {
  await closePools();
  await testDb().end();
  await own.dispose();
});

/** Every chart the rollups serve, as the API answers it, plus credits by a key that is not a breakdown key (live). */
async function charts(window: Period, timeZone: string): Promise<unknown[]> {
  const base = `from=${window.from}&to=${window.to}&tz=${encodeURIComponent(timeZone)}`;
  const queries = [
    ['summary', base],
    ['summary', `${base}&provider=mirai,atoms`],
    ['volume', base],
    ['volume', `${base}&granularity=week&provider=minivoice`],
    ['credits', base],
    ['credits', `${base}&by=provider`],
    ['credits', `${base}&by=agent&granularity=month`],
    ['credits', `${base}&by=meta&key=campaign`],
    ['credits', `${base}&by=meta&key=store&granularity=week`],
    ['credits', `${base}&by=meta&key=order_id`],
  ];
  return Promise.all(
    queries.map(async ([name = '', query]) => {
      const res = await chartGet(new Request(`http://localhost/api/analytics/${name}?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ chart: name }),
      });
      expect(res.status).toBe(200);
      return res.json();
    }),
  );
}

describe('analytics rollups', () => {
  it('answer every chart exactly as the live queries over call do', async () => {
    const window = privateWindow();
    await postCalls(window, 40, 7101);
    await insertAwkward(window, `awk_${window.from}_`);
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM call WHERE occurred_at >= $1::date AND occurred_at < $2::date + 1`, [
      window.from,
      window.to,
    ]);
    expect(rows[0].n).toBeGreaterThan(60);
    expect(await expectSameBothWays(window, 'UTC')).toBe(228);
    // Not the rollup zone, or not a key counted: the rollups decline and the live query answers.
    expect(await rollupVolume({ period: window, timeZone: 'Asia/Kolkata' }, 'day')).toBeNull();
    expect(await rollupCredits({ period: window, timeZone: 'Asia/Kolkata' }, 'day', 'meta', 'campaign')).toBeNull();
    expect(await rollupCredits({ period: window, timeZone: 'UTC' }, 'day', 'meta', 'order_id')).toBeNull();
    expect(await rollupDrift(testDb())).toEqual([]);
  });

  it('are rebuilt in the team zone when it changes, and every chart reads the same either way', async () => {
    const window = privateWindow();
    await postCalls(window, 30, 7202);
    await insertAwkward(window, `awk_${window.from}_`);
    // New York's evening is UTC's next day, and Kolkata's morning UTC's previous one: days differ.
    const utcByRollups = await charts(window, 'UTC');
    const newYorkLive = await charts(window, 'America/New_York');
    try {
      expect(await setTeamTimeZone(admin, 'America/New_York')).toMatchObject({ changed: true });
      expect((await testDb().query('SELECT zone FROM call_rollup_zone')).rows).toEqual([{ zone: 'America/New_York' }]);
      expect(await rollupDrift(testDb())).toEqual([]);
      expect(await rollupVolume({ period: window, timeZone: 'UTC' }, 'day')).toBeNull();
      expect(await charts(window, 'America/New_York')).toEqual(newYorkLive);
      expect(await charts(window, 'UTC')).toEqual(utcByRollups);
      expect(await expectSameBothWays(window, 'America/New_York')).toBe(228);

      await setTeamTimeZone(admin, 'Asia/Kolkata');
      expect(await rollupDrift(testDb())).toEqual([]);
      expect(await charts(window, 'America/New_York')).toEqual(newYorkLive);
      expect(await expectSameBothWays(window, 'Asia/Kolkata')).toBe(228);

      // A zone Postgres does not know is refused before anything changes.
      await expect(transaction((client) => rebuildRollups(client, 'Mars/Base'))).rejects.toMatchObject({ status: 400, code: 'invalid_time_zone' });
      expect((await testDb().query('SELECT zone FROM call_rollup_zone')).rows).toEqual([{ zone: 'Asia/Kolkata' }]);
    } finally {
      await setTeamTimeZone(admin, null);
    }
    expect((await testDb().query('SELECT zone FROM call_rollup_zone')).rows).toEqual([{ zone: 'UTC' }]);
    expect(await rollupDrift(testDb())).toEqual([]);
    expect(await charts(window, 'UTC')).toEqual(utcByRollups);
  });

  it('count credits by the breakdown keys an admin sets, rebuilt when they change, and read the same either way', async () => {
    const window = privateWindow();
    await postCalls(window, 30, 7404);
    await insertAwkward(window, `awk_${window.from}_`);
    const before = await charts(window, 'UTC');
    try {
      expect(await setBreakdownKeys(admin, [' order_id ', 'campaign', 'order_id'])).toMatchObject({ changed: true, after: ['order_id', 'campaign'] });
      expect((await testDb().query('SELECT meta_keys FROM call_rollup_zone')).rows).toEqual([{ meta_keys: ['campaign', 'order_id'] }]);
      expect(await rollupDrift(testDb())).toEqual([]);
      expect(await rollupCredits({ period: window, timeZone: 'UTC' }, 'day', 'meta', 'store')).toBeNull();
      expect(await expectSameBothWays(window, 'UTC', ['campaign', 'order_id'])).toBe(228);
      // Read from the rollups or live, every chart answers as before.
      expect(await charts(window, 'UTC')).toEqual(before);
      // Calls arriving after the change are counted by the new keys.
      await postCalls(privateWindow(), 6, 7405);
      expect(await rollupDrift(testDb())).toEqual([]);
      await expect(
        setBreakdownKeys(
          admin,
          Array.from({ length: 11 }, (_, i) => `k${i}`),
        ),
      ).rejects.toMatchObject({ name: 'ZodError' });
      expect(await setBreakdownKeys(admin, [])).toMatchObject({ changed: true, after: [] });
      expect((await testDb().query('SELECT count(*)::int AS n FROM call_day_meta')).rows).toEqual([{ n: 0 }]);
      expect(await charts(window, 'UTC')).toEqual(before);
    } finally {
      await setBreakdownKeys(admin, ['campaign', 'store']);
    }
    expect(await rollupDrift(testDb())).toEqual([]);
    const audit = await testDb().query(`SELECT before, after FROM audit_log WHERE target_id = 'breakdown_keys' ORDER BY at DESC LIMIT 1`);
    expect(audit.rows).toEqual([{ before: { breakdownKeys: [] }, after: { breakdownKeys: ['campaign', 'store'] } }]);
  });

  // PGlite runs one transaction at a time, so only a real server can interleave the two.
  it.skipIf(onEmbeddedPostgres(shared))('lose and double no delta when calls arrive while the zone or the keys change', async () => {
    const calls = generateCalls({ count: 24, seed: 7303, now: new Date(), providers: SIM_PROVIDERS, days: 2 });
    // Real time (each delivery is today's), every call's events in order, the calls all at once.
    const sending = Promise.all(
      calls.map(async (call) => {
        for (const event of call.events) expect((await post(call.provider, event)).status).toBe(200);
      }),
    );
    try {
      await setTeamTimeZone(admin, 'Asia/Kolkata');
      await setBreakdownKeys(admin, ['store', 'order_id']);
      await setTeamTimeZone(admin, 'America/New_York');
      await setBreakdownKeys(admin, ['campaign']);
    } finally {
      await sending;
      await setTeamTimeZone(admin, null);
      await setBreakdownKeys(admin, ['campaign', 'store']);
    }
    expect(await rollupDrift(testDb())).toEqual([]);
  });
});
