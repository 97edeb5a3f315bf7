import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from '@/prisma/migrate';
import { rollupDrift } from '@/test/rollups';

// The triggers that keep the analytics rollups, exercised with every kind of write to call (and
// every move of the zone or the metadata keys counted) and checked after each against a recomputation. Each test migrates a schema of its own, so it may
// empty call or move the rollup zone without touching anyone else's rows. (Statements set the
// schema with SET LOCAL inside a transaction: on PGlite every connection shares one session.)

const url = inject('databaseUrl');
const db = new pg.Pool({ connectionString: url, max: 2 });
const schemas: string[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const schema of schemas) await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.end();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function freshSchema(dir?: string): Promise<string> {
  const schema = `rollup_test_${randomBytes(4).toString('hex')}`;
  schemas.push(schema);
  await applyMigrations(url, { schema, ...(dir ? { dir } : {}) });
  return schema;
}

/** Runs statements in one transaction in `schema`; ROLLBACK as the last one undoes them all. */
async function inSchema(schema: string, ...statements: string[]): Promise<pg.QueryResult[]> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    const results: pg.QueryResult[] = [];
    for (const sql of statements) results.push(await client.query(sql));
    if (statements.at(-1) !== 'ROLLBACK') await client.query('COMMIT');
    return results;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const rollups = async (schema: string) =>
  (
    await inSchema(
      schema,
      'SELECT * FROM call_day_status ORDER BY 1, 2, 3',
      'SELECT * FROM call_day_agent ORDER BY 1, 2, 3',
      'SELECT * FROM call_day_duration ORDER BY 1, 2, 3',
      'SELECT * FROM call_day_meta ORDER BY 1, 2, 3, 4',
    )
  ).map((r) => r.rows);

/**
 * Metadata of every shape a key's value can take: strings, numbers, booleans, objects, arrays,
 * JSON null, an empty string, a literal "(none)", a key missing, a key differing only in case.
 */
const METADATA = `(ARRAY['{}', '{"campaign": "spring", "store": "s1"}', '{"campaign": 3, "store": true}', '{"campaign": {"id": 1}, "store": null}',
  '{"campaign": [1, "a"], "order": "o1"}', '{"campaign": "", "store": "(none)"}', '{"campaign": 1.50, "store": "Café ✓"}', '{"Campaign": "spring", "store": "s2"}'])`;

/** 200 calls over ten days, every provider, status and null shape, with float sums that only add up as decimals. */
const SEED = `INSERT INTO call (provider, provider_call_id, status, occurred_at, duration_seconds, credits_used, success, attempts, rescheduled_count, agent_id, application_id, metadata)
  SELECT (ARRAY['mirai', 'atoms', 'minivoice', 'mirai-v2'])[1 + g % 4], 'c' || g, (ARRAY['completed', 'busy', 'no_answer', 'voicemail', 'queued', 'failed', 'timeout'])[1 + g % 7],
         timestamptz '2024-03-08 00:00Z' + g * interval '71 minutes', (ARRAY[0.1, 0.2, 0.7, 1.0 / 3, 61, 61, NULL])[1 + g % 7], (ARRAY[0.1, 0.2, 0.3, NULL, 2.675])[1 + g % 5],
         (ARRAY[true, false, NULL])[1 + g % 3], 1 + g % 4, (ARRAY[NULL, 0, 1, 3])[1 + g % 4], CASE WHEN g % 3 <> 0 THEN 'agent_' || g % 5 END, CASE WHEN g % 6 = 0 THEN 'app_' || g % 2 END,
         ${METADATA}[1 + g % 8]::jsonb
  FROM generate_series(1, 200) g`;

describe('analytics rollup triggers', () => {
  it('keep the rollups equal to a recomputation through inserts, updates, upserts, deletes, rollbacks, savepoints and truncate', async () => {
    const schema = await freshSchema();
    const exact = async (what: string) => {
      expect(await rollupDrift(db, schema), what).toEqual([]);
      // Pending changes live only as long as their transaction: the flush at commit took them all.
      expect((await inSchema(schema, 'SELECT count(*)::int AS n FROM call_rollup_pending'))[0]?.rows, what).toEqual([{ n: 0 }]);
    };

    await inSchema(schema, SEED);
    await exact('multi-row insert');
    expect((await inSchema(schema, 'SELECT sum(calls)::int AS n FROM call_day_status'))[0]?.rows).toEqual([{ n: 200 }]);

    // The ingest path: create bare calls (queued, now), then fold them, in one transaction.
    await inSchema(
      schema,
      `INSERT INTO call (provider, provider_call_id) SELECT 'atoms', 'ingest_' || g FROM generate_series(1, 5) g`,
      `UPDATE call SET status = 'completed', occurred_at = timestamptz '2024-03-09 10:00Z', duration_seconds = 42, credits_used = 1.5, agent_id = 'agent_9' WHERE provider_call_id LIKE 'ingest_%'`,
    );
    await exact('ingest-like insert then update');
    // Netted out within the transaction: the bare calls never touched today's queued row.
    const queuedNow = await inSchema(
      schema,
      `SELECT count(*)::int AS n FROM call_day_status WHERE provider = 'atoms' AND status = 'queued' AND day > '2024-12-31'`,
    );
    expect(queuedNow[0]?.rows).toEqual([{ n: 0 }]);

    await inSchema(
      schema,
      // Across days, providers, statuses and agents; values to null and back; some rows net out.
      `UPDATE call SET occurred_at = occurred_at + interval '13 hours', status = CASE WHEN status = 'busy' THEN 'completed' ELSE status END,
              success = CASE WHEN success IS NULL THEN true END, duration_seconds = CASE WHEN duration_seconds IS NULL THEN 0.3 WHEN duration_seconds > 1 THEN NULL ELSE duration_seconds END,
              credits_used = credits_used * 3, credits_at = occurred_at + interval '20 hours', agent_id = CASE WHEN agent_id IS NULL THEN 'agent_new' END, rescheduled_count = coalesce(rescheduled_count, 0) + 1
       WHERE provider_call_id ~ '^c[0-9]*[13579]$'`,
      `UPDATE call SET provider = 'mirai' WHERE provider_call_id IN ('c2', 'c4', 'c6') AND provider <> 'mirai'`,
      `UPDATE call SET attempts = attempts + 1, credits_used = credits_used WHERE provider = 'minivoice'`,
      // A value changed, a key removed, a key added: only call_day_meta moves.
      `UPDATE call SET metadata = metadata || '{"campaign": "moved"}' WHERE provider_call_id ~ '^c[0-9]*[26]$'`,
      `UPDATE call SET metadata = metadata - 'store' WHERE provider_call_id ~ '^c[0-9]*[37]$'`,
      `UPDATE call SET metadata = metadata || '{"store": 42}' WHERE provider_call_id ~ '^c[0-9]*8$'`,
    );
    await exact('updates');

    const before = await rollups(schema);
    await inSchema(schema, `UPDATE call SET summary = 'edited', event_count = event_count + 1`);
    expect(await rollups(schema), 'an update of no counted column leaves every rollup row as it was').toEqual(before);

    await inSchema(
      schema,
      `INSERT INTO call (provider, provider_call_id, status, occurred_at, credits_used, duration_seconds)
       SELECT 'atoms', 'c' || g, 'voicemail', timestamptz '2024-03-10 23:30Z', 0.7, 12.5 FROM generate_series(195, 210) g
       ON CONFLICT (provider, provider_call_id) DO UPDATE SET status = EXCLUDED.status, credits_used = call.credits_used + EXCLUDED.credits_used`,
    );
    await exact('upsert');

    await inSchema(schema, `DELETE FROM call WHERE provider_call_id ~ '^c[0-9]*[05]$'`, `DELETE FROM call WHERE false`);
    await exact('deletes');

    const kept = await rollups(schema);
    await inSchema(schema, `UPDATE call SET status = 'busy', credits_used = 9`, `DELETE FROM call WHERE provider = 'atoms'`, 'ROLLBACK');
    expect(await rollups(schema), 'a rolled-back transaction leaves the rollups as they were').toEqual(kept);

    // Savepoints rolled back, kept and released; the flush forced early, then more changes after it.
    await inSchema(
      schema,
      'SAVEPOINT a',
      `UPDATE call SET status = 'failed' WHERE provider = 'mirai'`,
      'ROLLBACK TO SAVEPOINT a',
      `UPDATE call SET credits_used = 0.1 WHERE provider = 'minivoice'`,
      'SAVEPOINT b',
      `DELETE FROM call WHERE provider_call_id IN ('c1', 'c3')`,
      'ROLLBACK TO SAVEPOINT b',
      'SAVEPOINT c',
      `UPDATE call SET duration_seconds = 0.2 WHERE provider = 'atoms'`,
      'RELEASE SAVEPOINT c',
      'SET CONSTRAINTS ALL IMMEDIATE',
      `UPDATE call SET success = NOT success WHERE provider = 'mirai-v2'`,
      `UPDATE call SET occurred_at = occurred_at + interval '1 day' WHERE provider = 'mirai-v2'`,
    );
    await exact('savepoints and an early flush');

    // A statement that changed nothing queues no flush, so the next one still must; and a flush
    // fired at once (immediate from the start) fires again for the rows written after it.
    await inSchema(
      schema,
      `UPDATE call SET status = 'failed' WHERE false`,
      `DELETE FROM call WHERE false`,
      `UPDATE call SET credits_used = 0.7 WHERE provider = 'atoms'`,
    );
    await exact('a first statement that changed nothing');
    await inSchema(
      schema,
      'SET CONSTRAINTS ALL IMMEDIATE',
      `UPDATE call SET credits_used = 1.1 WHERE provider = 'mirai'`,
      `DELETE FROM call WHERE provider_call_id = 'c8'`,
      `INSERT INTO call (provider, provider_call_id, credits_used, metadata) VALUES ('mirai', 'imm', 4, '{"campaign": "now"}')`,
    );
    await exact('immediate from the start');

    // The keys counted move: dropped keys' rows go, added ones are counted, repeats and order do not matter.
    const keys = (list: string) => inSchema(schema, `SELECT call_rollup_set_keys(${list}) AS changed`).then((r) => r[0]?.rows[0]);
    expect(await keys(`ARRAY['order', 'store', 'Campaign', 'store']`)).toEqual({ changed: true });
    expect((await inSchema(schema, 'SELECT meta_keys FROM call_rollup_zone'))[0]?.rows).toEqual([{ meta_keys: ['Campaign', 'order', 'store'] }]);
    await exact('keys changed');
    await inSchema(schema, `UPDATE call SET credits_used = credits_used + 0.5, metadata = metadata || '{"order": "o3"}' WHERE provider = 'mirai-v2'`);
    await exact('a write under the new keys');
    expect(await keys(`ARRAY['store', 'order', 'Campaign']`)).toEqual({ changed: false });
    // Writes before and after a keys change in one transaction: each counted once, under its keys.
    await inSchema(
      schema,
      `UPDATE call SET credits_used = credits_used + 1, metadata = metadata || '{"order": "o2"}' WHERE provider = 'minivoice'`,
      `SELECT call_rollup_set_keys(ARRAY['campaign', 'order'])`,
      `UPDATE call SET credits_used = credits_used * 2, metadata = metadata - 'campaign' WHERE provider IN ('minivoice', 'atoms')`,
    );
    await exact('writes before and after a keys change in one transaction');
    expect(await keys(`ARRAY[]::text[]`)).toEqual({ changed: true });
    expect((await rollups(schema))[3]).toEqual([]);
    await inSchema(schema, `UPDATE call SET credits_used = 3 WHERE provider = 'mirai'`);
    await exact('no keys');
    expect(await keys(`ARRAY['campaign', 'store']`)).toEqual({ changed: true });
    await exact('keys back');

    // Chatham is 12:45 ahead of UTC: most calls land on another day there.
    const rebuilt = await inSchema(schema, `SELECT call_rollup_rebuild('Pacific/Chatham') AS a`, `SELECT call_rollup_rebuild('Pacific/Chatham') AS b`);
    expect(rebuilt.map((r) => r.rows[0])).toEqual([{ a: true }, { b: false }]);
    await exact('rebuilt in another zone');
    await inSchema(schema, `UPDATE call SET occurred_at = occurred_at - interval '1 hour' WHERE provider = 'mirai'`);
    await exact('an update in the new zone');
    expect((await inSchema(schema, `SELECT call_rollup_rebuild('Pacific/Chatham', true) AS forced`))[0]?.rows).toEqual([{ forced: true }]);
    await exact('forced rebuild');

    // What a transaction changed before it empties call, or before it rebuilds, is not applied twice.
    await inSchema(schema, `UPDATE call SET status = 'busy' WHERE provider = 'mirai'`, 'TRUNCATE call CASCADE');
    expect((await rollups(schema)).flat()).toEqual([]);
    await exact('truncate');
    await inSchema(
      schema,
      SEED,
      `UPDATE call SET credits_used = 2 WHERE provider = 'atoms'`,
      `SELECT call_rollup_rebuild('UTC')`,
      `DELETE FROM call WHERE provider = 'minivoice'`,
    );
    await exact('writes before and after a rebuild in one transaction');
  });

  it('are backfilled by the migrations in the team zone, or in UTC when it is unset or unknown to Postgres, by the default keys', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'callboard-rollups-'));
    dirs.push(dir);
    const migrations = await readMigrations();
    const first = migrations.findIndex((m) => m.name.endsWith('_analytics_rollups'));
    const rollupMigrations = migrations.slice(first).map((m) => m.name);
    for (const m of migrations.slice(0, first)) await cp(path.join(DEFAULT_MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });

    for (const [stored, zone] of [
      [`"Asia/Kolkata"`, 'Asia/Kolkata'],
      [`"Mars/Base"`, 'UTC'],
      [null, 'UTC'],
    ] as const) {
      const schema = await freshSchema(dir);
      // Calls as they were before occurred_at existed: placed in time by last_event_at alone.
      await inSchema(
        schema,
        SEED.replace('occurred_at', 'last_event_at'),
        ...(stored ? [`INSERT INTO team_setting (key, value) VALUES ('time_zone', '${stored}')`] : []),
      );
      expect(await applyMigrations(url, { schema })).toEqual({ applied: rollupMigrations });
      expect((await inSchema(schema, 'SELECT zone, meta_keys FROM call_rollup_zone'))[0]?.rows).toEqual([{ zone, meta_keys: ['campaign', 'store'] }]);
      expect(await rollupDrift(db, schema)).toEqual([]);
      expect((await inSchema(schema, 'SELECT sum(calls)::int AS n FROM call_day_status'))[0]?.rows).toEqual([{ n: 200 }]);
    }
  });
});
