// `npm run bench`: one run, same machine, same traffic, four receivers side by side: (1) the
// ingest SQL straight on pg, (2) a bare Next route, (3) a naive Express receiver, (4) Callboard's
// ingest through next start; then the ratios of (4) to each, correctness checks on (4)'s
// database, the largest page's JavaScript, and the dashboard's reads at one million calls and ten
// million events (bench/dashboard.ts; --skip-dashboard leaves them out). Writes
// bench/results/latest.{json,md}.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpuShare, sampleCpu } from './cpu';
import type { DashboardResult } from './dashboard-report';
import { type BenchDatabase, createBenchDatabase } from './database';
import { runDatabaseCeiling } from './db-ceiling';
import { type LoadResult, runLoad } from './load';
import { type NaiveServer, startNaive } from './naive';
import { parseOptions } from './options';
import { largestPage } from './page-weight';
import { machineInfo } from './report';
import { type BenchServer, startServer } from './server';
import { type SideBySideResult, SYSTEMS, type System, sideBySideMarkdown, writeSideBySide } from './side-by-side-report';
import { best, type PhaseStats, summarize, totalNon2xx } from './stats';
import { buildTraffic, type Traffic } from './traffic';
import { checkDatabase } from './verify';

const log = (message: string) => console.log(`[bench] ${message}`);
const options = parseOptions(process.argv.slice(2));
const cleanups: (() => Promise<void>)[] = [];

async function cleanUp(): Promise<void> {
  for (const step of cleanups.reverse()) await step().catch((error: unknown) => console.error('[bench] clean-up step failed:', error));
}

function report(system: System, round: number, load: LoadResult, group?: number, before?: ReturnType<typeof sampleCpu>): PhaseStats {
  const cpu = group !== undefined && before ? cpuShare(before, sampleCpu(group), load.durationMs) : undefined;
  const stats = summarize(system, round, load, cpu);
  const failures = totalNon2xx(stats) > 0 ? `  non-2xx ${JSON.stringify(stats.non2xx)}; first: ${stats.firstFailure}` : '';
  log(
    `round ${round} ${system.padEnd(8)} ${stats.requestsPerSecond.toFixed(0).padStart(6)} events/s  p50 ${stats.p50Ms.toFixed(1)} ms  p99 ${stats.p99Ms.toFixed(1)} ms${failures}`,
  );
  return stats;
}

async function overHttp(system: System, port: number, group: number, traffic: Traffic, round: number): Promise<PhaseStats> {
  const before = sampleCpu(group);
  const load = await runLoad({ port, endpoint: system, deliveries: traffic.deliveries, concurrency: options.concurrency });
  return report(system, round, load, group, before);
}

/** bench/dashboard.ts belongs to the dashboard work; run it as is and read what it wrote. */
function runDashboard(): Promise<DashboardResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/dashboard.ts'], { stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/dashboard.ts exited with ${code}`));
      resolve(JSON.parse(readFileSync('bench/results/dashboard-latest.json', 'utf8')) as DashboardResult);
    });
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  // Never build here: another build may be running, and a bench should measure what exists.
  if (!existsSync('.next/BUILD_ID')) throw new Error('no .next/BUILD_ID: run `npm run build` first');
  const fresh = async (): Promise<BenchDatabase> => {
    const db = await createBenchDatabase(process.env.DATABASE_URL, options.poolMax + 4, log);
    cleanups.push(() => db.drop());
    return db;
  };
  // Callboard's database holds only what its ingest stored, so the checks count exactly that.
  const ingestDb = await fresh();
  const sideDb = await fresh();

  const now = new Date();
  const traffic = (calls: number, seed: number) => buildTraffic({ calls, seed, duplicates: options.duplicates, width: options.concurrency * 2, now });
  const warmup = traffic(options.warmupCalls, options.seed + 1000);
  const rounds = Array.from({ length: options.rounds }, (_, i) => traffic(options.calls, options.seed + i));
  log(
    `traffic: ${rounds.map((r) => r.deliveries.length).join(' + ')} events in ${options.rounds} round(s), warm-up ${warmup.deliveries.length}; same traffic for every system`,
  );
  const phases: PhaseStats[] = [];

  // (1) database ceiling: same batches, same concurrency, no HTTP.
  await runDatabaseCeiling(sideDb.url, warmup.deliveries, options.concurrency);
  for (const [i, round] of rounds.entries())
    phases.push(report('database', i + 1, await runDatabaseCeiling(sideDb.url, round.deliveries, options.concurrency)));

  // (2) and (4) on one next start, alternating so neither always gets the warmer slot.
  const next: BenchServer = await startServer({ databaseUrl: ingestDb.url, poolMax: options.poolMax });
  cleanups.push(() => next.stop());
  log(`next start on 127.0.0.1:${next.port}`);
  await runLoad({ port: next.port, endpoint: 'bare', deliveries: warmup.deliveries, concurrency: options.concurrency });
  const warmIngest = await runLoad({ port: next.port, endpoint: 'ingest', deliveries: warmup.deliveries, concurrency: options.concurrency });
  for (const [i, round] of rounds.entries()) {
    const order: System[] = i % 2 === 0 ? ['bare', 'ingest'] : ['ingest', 'bare'];
    for (const system of order) phases.push(await overHttp(system, next.port, next.group, round, i + 1));
  }
  await next.stop();

  // (3) the naive receiver, on the other database (its own table).
  const naive: NaiveServer = await startNaive(sideDb.url, options.poolMax);
  cleanups.push(() => naive.stop());
  await runLoad({ port: naive.port, endpoint: 'naive', deliveries: warmup.deliveries, concurrency: options.concurrency });
  for (const [i, round] of rounds.entries()) phases.push(await overHttp('naive', naive.port, naive.group, round, i + 1));
  await naive.stop();

  const sent = [warmup, ...rounds];
  const checks = await checkDatabase(ingestDb.url, {
    requests: sent.reduce((n, t) => n + t.deliveries.length, 0),
    distinctEvents: new Set(sent.flatMap((t) => [...t.distinct])).size,
    calls: new Set(sent.flatMap((t) => [...t.calls])).size,
    non2xx: [summarize('ingest', 0, warmIngest, undefined), ...phases.filter((p) => p.endpoint === 'ingest')].reduce((n, p) => n + totalNon2xx(p), 0),
  });

  const top = Object.fromEntries((Object.keys(SYSTEMS) as System[]).map((s) => [s, best(phases, s)])) as Record<System, PhaseStats>;
  const page = largestPage();
  const rate = (s: System) => top.ingest.requestsPerSecond / top[s].requestsPerSecond;
  const result: SideBySideResult = {
    finishedAt: new Date().toISOString(),
    durationSeconds: 0,
    machine: machineInfo(ingestDb.kind, ingestDb.version),
    options: {
      calls: options.calls,
      rounds: options.rounds,
      concurrency: options.concurrency,
      duplicates: options.duplicates,
      poolMax: options.poolMax,
      seed: options.seed,
    },
    phases,
    best: top,
    ratios: { database: rate('database'), bare: rate('bare'), naive: rate('naive') },
    checks,
    ...(page ? { largestPage: page } : {}),
    ...(options.dashboard ? { dashboard: await runDashboard() } : {}),
  };
  result.durationSeconds = (performance.now() - started) / 1000;
  console.log('');
  for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
  console.log(`\n${sideBySideMarkdown(result)}\n`);
  const files = writeSideBySide(result);
  log(`results written to ${files.json} and ${files.md}`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
