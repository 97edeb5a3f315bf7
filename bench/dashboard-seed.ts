import pg from 'pg';

// Fills a bench database with dashboard-scale data straight in SQL (generate_series): the
// dashboard's read queries are what is measured, so how the rows got there does not matter,
// only that there are as many, spread as real traffic would spread them. (The analytics rollups
// fill themselves: the triggers on call see these inserts like any other.)

export interface SeedOptions {
  calls: number;
  eventsPerCall: number;
  log: (m: string) => void;
}

const CHUNK = 250_000;

/**
 * A bulk load, as one would restore a dump: the tables' secondary indexes are dropped and built
 * once at the end (sorting beats ten million random B-tree and GIN inserts), and triggers are off
 * for the session (session_replication_role = replica: the foreign-key checks and the analytics
 * rollup triggers), so the rollups are rebuilt from the calls afterwards. The rows are the same
 * either way. Needs a superuser (the bench's local Postgres); elsewhere rows go in one by one.
 */
async function bulkLoad(client: pg.Client, tables: string[], log: (m: string) => void, load: () => Promise<void>): Promise<void> {
  const superuser = (await client.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]?.s;
  if (!superuser) return load();
  // Indexes no constraint owns (primary keys stay: foreign keys lean on them).
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await client.query(`SET session_replication_role = replica`);
  await load();
  await client.query(`SET session_replication_role = DEFAULT`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const index of indexes) {
    log(`index ${index.name}`);
    await client.query(index.def);
  }
  log('analytics rollups');
  await client.query(`SELECT call_rollup_rebuild('UTC', true)`);
}

async function insertCalls(client: pg.Client, calls: number, eventsPerCall: number, log: (m: string) => void): Promise<void> {
  for (let from = 1; from <= calls; from += CHUNK) {
    const to = Math.min(calls, from + CHUNK - 1);
    await client.query(
      `INSERT INTO call (provider, provider_call_id, status, provider_status, final, direction, customer_number, to_number,
                         agent_id, metadata, started_at, ended_at, duration_seconds, success, summary, credits_used,
                         event_count, first_event_at, last_event_at, occurred_at, credits_at, search_text, attempts, transcript)
       SELECT p.provider, 'bench_' || g, s.status, s.status, true, 'outbound', num, num,
              'agent_' || (g % 25), jsonb_build_object('store', 'store_' || (g % 40), 'campaign', 'cmp_' || (g % 12), 'order', 'ORD-' || g),
              t - interval '3 minutes', t, 30 + (g % 300), (g % 3 <> 0),
              CASE WHEN g % 2 = 0 THEN 'Customer ' || (ARRAY['confirmed the order','asked for a callback','declined cash on delivery','changed the address'])[1 + g % 4] END,
              CASE WHEN p.provider = 'mirai' THEN 1 + (g % 5) * 0.5 END,
              $3, t - interval '3 minutes', t, t - interval '3 minutes', CASE WHEN p.provider = 'mirai' THEN t END, lower('bench_' || g || ' ' || num || ' store_' || (g % 40) || ' ord-' || g), 1 + (g % 7 = 0)::int,
              CASE WHEN g % 10 = 0 THEN jsonb_build_array(jsonb_build_object('role','agent','text','Hello, I am calling about your order','at',null),
                                                           jsonb_build_object('role','customer','text','Yes please deliver tomorrow','at',null)) END
       FROM generate_series($1::int, $2::int) g
       CROSS JOIN LATERAL (SELECT (ARRAY['mirai','mirai-v2','minivoice','atoms'])[1 + g % 4] AS provider) p
       CROSS JOIN LATERAL (SELECT (ARRAY['completed','completed','completed','busy','no_answer','failed','rescheduled','in_progress','validation_failed','voicemail'])[1 + (g * 7) % 10] AS status) s
       CROSS JOIN LATERAL (SELECT '+9198' || lpad((g % 100000000)::text, 8, '0') AS num) n
       CROSS JOIN LATERAL (SELECT now() - (g * interval '7 seconds') AS t) tt`,
      [from, to, eventsPerCall],
    );
    log(`calls ${to.toLocaleString('en')}/${calls.toLocaleString('en')}`);
  }
}

/** One statement per event position: every call gets its n-th event, a few seconds apart. */
async function insertEvents(client: pg.Client, calls: number, eventsPerCall: number, log: (m: string) => void): Promise<void> {
  for (let n = 1; n <= eventsPerCall; n++) {
    await client.query(
      `INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, occurred_at, received_at, payload, normalized)
       SELECT c.provider, c.provider_call_id || ':' || $1::int, c.id, c.provider_call_id, 'call.step' || $1::int,
              c.first_event_at + $1::int * interval '10 seconds', c.first_event_at + $1::int * interval '10 seconds',
              jsonb_build_object('event', jsonb_build_object('type', 'call.step' || $1::int, 'data', jsonb_build_object('call', jsonb_build_object('id', c.provider_call_id)))),
              '{"facts":{}}'::jsonb
       FROM call c`,
      [n],
    );
    log(`events ${(n * calls).toLocaleString('en')}/${(eventsPerCall * calls).toLocaleString('en')}`);
  }
}

export async function seedDashboardData(url: string, { calls, eventsPerCall, log }: SeedOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await bulkLoad(client, ['call', 'call_event'], log, async () => {
      await insertCalls(client, calls, eventsPerCall, log);
      await insertEvents(client, calls, eventsPerCall, log);
    });
    // A live database is vacuumed by autovacuum: without it the visibility map is empty, the
    // planner cannot answer from an index alone, and every figure would measure heap fetches.
    log('vacuum analyze');
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
