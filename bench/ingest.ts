// `npm run bench:ingest`: webhook ingest throughput and latency against `next start`, beside a
// bare route that only parses the same bodies, measured in the same run on the same server,
// then a check that the database holds every accepted event exactly once.
import path from 'node:path';
import { cpuShare, sampleCpu } from './cpu';
import { type BenchDatabase, createBenchDatabase } from './database';
import { type Endpoint, runLoad } from './load';
import { parseOptions } from './options';
import { type BenchResult, machineInfo, markdown, targetsFor, writeResult } from './report';
import { type BenchServer, ensureBuild, startServer } from './server';
import { best, type PhaseStats, summarize, totalNon2xx } from './stats';
import { buildTraffic, type Delivery } from './traffic';
import { checkDatabase } from './verify';

const log = (message: string) => console.log(`[bench] ${message}`);
const options = parseOptions(process.argv.slice(2));

let database: BenchDatabase | undefined;
let server: BenchServer | undefined;

async function cleanUp(): Promise<void> {
  await server?.stop().catch((error: unknown) => console.error('[bench] stopping the server failed:', error));
  await database?.drop().catch((error: unknown) => console.error('[bench] dropping the database failed:', error));
}

// Ctrl-C stops sending; main() then unwinds through its normal clean-up. The server cannot stop
// while our keep-alive connections keep it busy, so cleaning up from here would only wait.
const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) {
      console.error('[bench] second signal: exiting without clean-up');
      process.exit(130);
    }
    log(`${signal}: finishing in-flight requests, then cleaning up (again to exit at once)`);
    interrupt.abort();
  });
}

async function phase(endpoint: Endpoint, round: number, deliveries: readonly Delivery[]): Promise<PhaseStats> {
  const srv = server!;
  const before = sampleCpu(srv.group);
  const load = await runLoad({ port: srv.port, endpoint, deliveries, concurrency: options.concurrency, signal: interrupt.signal });
  interrupt.signal.throwIfAborted();
  const stats = summarize(endpoint, round, load, cpuShare(before, sampleCpu(srv.group), load.durationMs));
  log(
    `round ${round} ${endpoint.padEnd(6)} ${stats.requestsPerSecond.toFixed(0).padStart(5)} req/s  p50 ${stats.p50Ms.toFixed(1)} ms  p99 ${stats.p99Ms.toFixed(1)} ms` +
      (totalNon2xx(stats) > 0 ? `  non-2xx ${JSON.stringify(stats.non2xx)}; first: ${stats.firstFailure}` : ''),
  );
  return stats;
}

async function main(): Promise<number> {
  await ensureBuild(options.build, log);
  database = await createBenchDatabase(process.env.DATABASE_URL, options.poolMax + 4, log);
  const cpuProfileDir = options.cpuProf ? path.resolve('bench/results/profiles') : undefined;
  interrupt.signal.throwIfAborted();
  server = await startServer({ databaseUrl: database.url, poolMax: options.poolMax, ...(cpuProfileDir ? { cpuProfileDir } : {}) });
  log(`next start on 127.0.0.1:${server.port} (pid ${server.group}), DATABASE_POOL_MAX=${options.poolMax}`);

  // Width above the concurrency: a call's next event is sent only after its previous one.
  const now = new Date();
  const traffic = (calls: number, seed: number) => buildTraffic({ calls, seed, duplicates: options.duplicates, width: options.concurrency * 2, now });
  const warmup = traffic(options.warmupCalls, options.seed + 1000);
  // A fresh set of calls per round: re-sending a round would make every ingest request a duplicate.
  const rounds = Array.from({ length: options.rounds }, (_, i) => traffic(options.calls, options.seed + i));
  log(
    `traffic: ${rounds.map((r) => r.deliveries.length).join(' + ')} deliveries in ${options.rounds} round(s), warm-up ${warmup.deliveries.length} per endpoint`,
  );

  // Warm-up: JIT, route modules, pool connections. Its ingest requests count in the checks.
  // Too short a warm-up leaves the first measured round visibly slower than the later ones.
  const warmLoad = (endpoint: Endpoint) =>
    runLoad({ port: server!.port, endpoint, deliveries: warmup.deliveries, concurrency: options.concurrency, signal: interrupt.signal });
  await warmLoad('bare');
  const warm = await warmLoad('ingest');

  // The server keeps getting faster for a while (JIT, caches), so the order alternates,
  // A B B A A B …: neither endpoint always gets the warmer slot.
  const phases: PhaseStats[] = [];
  for (const [i, round] of rounds.entries()) {
    const order: Endpoint[] = i % 2 === 0 ? ['bare', 'ingest'] : ['ingest', 'bare'];
    for (const endpoint of order) phases.push(await phase(endpoint, i + 1, round.deliveries));
  }

  const sent = [warmup, ...rounds];
  const distinct = new Set(sent.flatMap((t) => [...t.distinct]));
  const checks = await checkDatabase(database.url, {
    requests: sent.reduce((n, t) => n + t.deliveries.length, 0),
    distinctEvents: distinct.size,
    calls: new Set(sent.flatMap((t) => [...t.calls])).size,
    non2xx: [summarize('ingest', 0, warm, undefined), ...phases.filter((p) => p.endpoint === 'ingest')].reduce((n, p) => n + totalNon2xx(p), 0),
  });

  const bestBare = best(phases, 'bare');
  const bestIngest = best(phases, 'ingest');
  const { calls, concurrency, duplicates, rounds: roundCount, warmupCalls, seed, poolMax, cpuProf } = options;
  const result: BenchResult = {
    finishedAt: new Date().toISOString(),
    machine: machineInfo(database.kind, database.version),
    options: { calls, concurrency, duplicates, rounds: roundCount, warmupCalls, seed, poolMax, cpuProf },
    phases,
    best: { bare: bestBare, ingest: bestIngest },
    targets: targetsFor(bestBare, bestIngest),
    checks,
  };

  console.log('');
  for (const check of checks) console.log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
  console.log(`\n${markdown(result)}\n`);
  log(`results written to ${path.relative(process.cwd(), writeResult(result))}`);
  if (database.kind === 'pglite') log('REMINDER: these figures come from PGlite and are NOT representative.');
  if (checks.some((c) => !c.pass)) return 1;
  if (options.strict && !(result.targets.ratioMet && result.targets.p99Met)) return 2;
  return 0;
}

main()
  .then(async (code) => {
    await cleanUp();
    if (options.cpuProf) log('server CPU profile in bench/results/profiles/ (open in Chrome DevTools or speedscope)');
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    if (interrupt.signal.aborted) {
      log('interrupted');
    } else {
      console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
      if (server) console.error(`[bench] last server output:\n${server.logTail()}`);
    }
    await cleanUp();
    process.exit(interrupt.signal.aborted ? 130 : 1);
  });
