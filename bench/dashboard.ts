// npm run bench:dashboard [-- --calls 1000000 --events-per-call 10 --keep --database-url <url>]
// Seeds dashboard-scale data (default one million calls, ten million events), starts `next start`
// on it and times the dashboard's JSON reads as a signed-in approver would make them.
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { generateToken } from '../lib/auth/tokens';
import { createUserRecord } from '../lib/auth/users-store';
import { applyMigrations } from '../prisma/migrate';
import { type DashboardRead, type DashboardResult, dashboardMarkdown } from './dashboard-report';
import { seedDashboardData } from './dashboard-seed';
import { createBenchDatabase } from './database';
import { machineInfo } from './report';
import { ensureBuild, startServer } from './server';
import { percentile } from './stats';

const log = (m: string) => console.log(`[bench:dashboard] ${m}`);
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const calls = Number(arg('calls') ?? 1_000_000);
const eventsPerCall = Number(arg('events-per-call') ?? 10);
const samples = Number(arg('samples') ?? 100);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function time(port: number, token: string, name: string, paths: () => string): Promise<DashboardRead> {
  const durations: number[] = [];
  let status = 0;
  let path = '';
  for (let i = 0; i < samples + 5; i++) {
    path = paths();
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    status = res.status;
    if (!res.ok) throw new Error(`${name}: ${path} answered ${res.status}`);
    if (i >= 5) durations.push(performance.now() - started); // the first few warm the caches
  }
  const sorted = Float64Array.from(durations).sort();
  return { name, path, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0, status };
}

async function main(): Promise<void> {
  await ensureBuild(args.includes('--build'), log);
  const reuse = arg('database-url');
  const db = reuse ? undefined : await createBenchDatabase(process.env.DATABASE_URL, 20, log);
  const url = reuse ?? db?.url ?? '';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await applyMigrations(url);
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM call');
    let seedSeconds: number | null = null;
    if ((rows[0]?.n ?? 0) < calls) {
      const started = Date.now();
      log(`seeding ${calls.toLocaleString('en')} calls and ${(calls * eventsPerCall).toLocaleString('en')} events`);
      await seedDashboardData(url, { calls, eventsPerCall, log });
      seedSeconds = (Date.now() - started) / 1000;
      log(`seeded in ${seedSeconds.toFixed(0)} s`);
    }
    const email = `bench-${Date.now()}@bench.local`;
    const { id: userId } = await createUserRecord(client, { email, role: 'approver', password: 'bench-password-1' });
    const { token, hash, prefix } = generateToken();
    await client.query('INSERT INTO api_token (name, token_hash, prefix, user_id) VALUES ($1, $2, $3, $4)', ['bench', hash, prefix, userId]);
    const { rows: ids } = await client.query<{ id: string; customer_number: string }>('SELECT id, customer_number FROM call TABLESAMPLE SYSTEM (1) LIMIT 200');
    const pick = () => ids[Math.floor(Math.random() * ids.length)] ?? { id: '', customer_number: '' };

    server = await startServer({ databaseUrl: url, poolMax: 10 });
    const port = server.port;
    const results: DashboardRead[] = [];
    const bench = async (name: string, paths: () => string) => {
      const r = await time(port, token, name, paths);
      results.push(r);
      log(`${name.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms`);
    };
    await bench('list: first page', () => '/api/calls?limit=50');
    await bench('list: provider + status', () => '/api/calls?limit=50&provider=atoms&status=completed');
    await bench('list: search by full number', () => `/api/calls?limit=50&q=${encodeURIComponent(pick().customer_number)}`);
    await bench('list: search by word', () => '/api/calls?limit=50&q=callback');
    await bench('detail: one call with its events', () => `/api/calls/${pick().id}`);
    // Analytics: one request per chart over the last 30 days (UTC: the rollup zone of a team with none set).
    for (const chart of ['summary', 'volume', 'credits', 'balance', 'actions']) {
      await bench(`analytics: ${chart} (30d)`, () => `/api/analytics/${chart}?range=30d&tz=UTC`);
    }
    await bench('analytics: credits by agent (30d)', () => '/api/analytics/credits?range=30d&tz=UTC&by=agent');
    // Any metadata key can be picked, so this one is always answered live from call.
    await bench('analytics: credits by campaign (30d)', () => '/api/analytics/credits?range=30d&tz=UTC&by=meta&key=campaign');
    await bench('analytics: volume, one provider (30d)', () => '/api/analytics/volume?range=30d&tz=UTC&provider=atoms');
    // 40 days against the 40 before: both periods full of calls (the seed spans about 81 days).
    await bench('analytics: summary (40d vs previous 40d)', () => `/api/analytics/summary?from=${daysAgo(39)}&to=${daysAgo(0)}&tz=UTC`);

    const { rows: counts } = await client.query<{ calls: number; events: number }>(
      'SELECT (SELECT count(*) FROM call)::int AS calls, (SELECT count(*) FROM call_event)::int AS events',
    );
    const { rows: version } = await client.query<{ version: string }>('SELECT version()');
    const machine = machineInfo(db?.kind ?? 'postgres', version[0]?.version ?? '');
    const result: DashboardResult = { finishedAt: new Date().toISOString(), machine, data: counts[0], samples, seedSeconds, results };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/dashboard-latest.json', `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${dashboardMarkdown(result)}`);
  } finally {
    await server?.stop();
    await client.end();
    if (db && !args.includes('--keep')) await db.drop();
    else if (db) log(`kept ${db.url} (reuse with --database-url)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
