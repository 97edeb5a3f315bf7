// How long one alert evaluation takes on a large history: a fresh database beside DATABASE_URL
// (or PGlite), seeded with a busy month in SQL, then every rule's condition timed on its own and
// the whole evaluation (GET /api/cron/alerts's work) timed cold and warm.
//   DATABASE_URL=postgres://… node --conditions=react-server --import tsx bench/alerts.ts [--scale 1]
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { applyMigrations } from '../prisma/migrate';
import { createTestDatabase } from '../test/setup/test-database';

const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? 1) || 1;
const n = (x: number) => Math.round(x * scale);

async function seed(url: string): Promise<Record<string, number>> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const providers = `(ARRAY['mirai','mirai-v2','minivoice','atoms'])[1 + (g % 4)]`;
    // A month of deliveries, one in twenty refused.
    await db.query(
      `INSERT INTO delivery (provider, endpoint, received_at, body, body_size, verification, outcome, http_status, error_code)
       SELECT ${providers}, '/api/webhooks/x', now() - (g * interval '1 second') * (30 * 86400 / $1::float8), '\\x7b7d', 2, 'valid',
              CASE WHEN g % 20 = 0 THEN 'rejected' ELSE 'stored' END, CASE WHEN g % 20 = 0 THEN 401 ELSE 200 END,
              CASE WHEN g % 20 = 0 THEN 'signature_invalid' END
       FROM generate_series(1, $1) g`,
      [n(1_000_000)],
    );
    // Calls over the last week, three events each; one in fifty never got its closing event.
    await db.query(
      `WITH c AS (
         INSERT INTO call (provider, provider_call_id, status, last_event_at, occurred_at)
         SELECT ${providers}, 'bench_' || g, 'completed', now() - (g * interval '1 second') * (7 * 86400 / $1::float8), now() - (g * interval '1 second') * (7 * 86400 / $1::float8)
         FROM generate_series(1, $1) g RETURNING id, provider, provider_call_id, last_event_at
       )
       INSERT INTO call_event (provider, dedupe_key, call_id, type, payload, normalized, received_at)
       SELECT c.provider, c.provider_call_id || ':' || t, c.id, t, '{}', '{}', c.last_event_at
       FROM c CROSS JOIN LATERAL unnest(CASE WHEN right(c.provider_call_id, 2) = '00' THEN ARRAY['call.started', 'call.completed', 'call.ended']
                                             ELSE ARRAY['call.completed', 'call.ended', 'call.processed', 'end-of-call', 'analytics.completed'] END) t`,
      [n(100_000)],
    );
    // Actions: most decided, a few hundred pending across kinds, some for hours.
    await db.query(
      `WITH e AS (
         INSERT INTO call_event (provider, dedupe_key, type, payload, normalized)
         SELECT 'mirai', 'bench_action:' || g, 'action', '{}', '{}' FROM generate_series(1, $1) g RETURNING id, dedupe_key
       )
       INSERT INTO action (provider, event_id, kind, raw_kind, payload, status, created_at)
       SELECT 'mirai', e.id, k.kind, k.kind, '{}', CASE WHEN g % 500 = 0 THEN 'pending' ELSE 'approved' END, now() - (g * interval '1 second') * (30 * 86400 / $1::float8)
       FROM e, LATERAL (SELECT split_part(e.dedupe_key, ':', 2)::int AS g) x,
            LATERAL (SELECT (ARRAY['create_order','send_whatsapp','mark_prepaid'])[1 + (g % 3)] AS kind) k`,
      [n(200_000)],
    );
    // Their outbox rows, a few hundred failed or unsure.
    await db.query(
      `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status, attempts)
       SELECT id, kind, 'shopify', '{}', CASE WHEN row_number() OVER () % 400 = 0 THEN 'failed' WHEN row_number() OVER () % 401 = 0 THEN 'needs_check' ELSE 'sent' END, 1
       FROM action WHERE status = 'approved'`,
    );
    // Credits reported with every call.
    await db.query(
      `INSERT INTO credit_entry (provider, event_id, call_id, at, used, available)
       SELECT e.provider, e.id, e.call_id, e.received_at, 1.5, 100000 - row_number() OVER (ORDER BY e.received_at)
       FROM call_event e WHERE e.type = 'call.ended'`,
    );
    await db.query('ANALYZE');
    const { rows } = await db.query<{ t: string; n: number }>(
      `SELECT 'delivery' AS t, count(*)::int AS n FROM delivery UNION ALL SELECT 'call', count(*)::int FROM call UNION ALL SELECT 'call_event', count(*)::int FROM call_event
       UNION ALL SELECT 'action', count(*)::int FROM action UNION ALL SELECT 'dispatch_outbox', count(*)::int FROM dispatch_outbox UNION ALL SELECT 'credit_entry', count(*)::int FROM credit_entry`,
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const database = await createTestDatabase('callboard_alerts_bench_');
  try {
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const started = performance.now();
    const rows = await seed(database.url);
    console.log(`seeded in ${Math.round((performance.now() - started) / 1000)} s:`, rows);

    const { ALERT_RULES, DEFAULT_ALERT_RULES } = await import('../lib/alerts/rules');
    const { alertConditions } = await import('../lib/queries/alerts/conditions');
    const { evaluateAlerts } = await import('../lib/commands/alerts/evaluate');
    const { pool } = await import('../lib/db');
    const ctx = { now: new Date(), settings: DEFAULT_ALERT_RULES, lowBalanceThreshold: 50_000, timeZone: null };
    for (const rule of ALERT_RULES) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        found = (await alertConditions(pool(), [rule], { ...ctx, now: new Date() })).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`${rule.padEnd(18)} ${found} holding; median ${times[2]?.toFixed(1)} ms, max ${times[4]?.toFixed(1)} ms`);
    }
    for (const label of ['first evaluation (opens)', 'second (refreshes)', 'third (refreshes)']) {
      const t = performance.now();
      const report = await evaluateAlerts();
      console.log(
        `${label}: ${(performance.now() - t).toFixed(0)} ms — opened ${report.opened.length}, refreshed ${report.refreshed}, resolved ${report.resolved.length}`,
      );
    }
    await pool().end();
  } finally {
    await database.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
