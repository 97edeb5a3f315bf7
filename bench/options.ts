import { parseArgs } from 'node:util';

// Command-line settings of `npm run bench:ingest`. Defaults are the workload: 32 in
// flight, 10% duplicates, enough calls that a round lasts several seconds on 2 cores.

export interface BenchOptions {
  /** Rebuild even if .next/BUILD_ID exists. */
  build: boolean;
  /** Calls per round; each round is a fresh set (about 4.6 events per call). */
  calls: number;
  concurrency: number;
  /** Probability that a delivery is sent twice. */
  duplicates: number;
  /** Rounds of bare-then-ingest; the best round of each endpoint is reported. */
  rounds: number;
  /** Calls in the unmeasured warm-up (sent to both endpoints); short warm-ups flatter neither. */
  warmupCalls: number;
  seed: number;
  /** DATABASE_POOL_MAX for the server. */
  poolMax: number;
  /** Write a CPU profile of the server to bench/results/profiles/. */
  cpuProf: boolean;
  /** Exit non-zero when a performance target is missed (correctness failures always do). */
  strict: boolean;
  /** `npm run bench` only: run bench/dashboard.ts too (seeds a million calls, about 5 minutes). */
  dashboard: boolean;
}

const USAGE = `Usage: npm run bench:ingest -- [options]
  --build              rebuild the app first (default: only when .next/BUILD_ID is missing)
  --calls <n>          calls per round (default 1500)
  --concurrency <n>    requests in flight (default 32)
  --duplicates <p>     share of deliveries sent twice (default 0.1)
  --rounds <n>         bare/ingest rounds, best of each reported (default 2)
  --warmup-calls <n>   calls in the unmeasured warm-up (default 300, ~1,400 requests per endpoint)
  --seed <n>           traffic seed (default 20260801)
  --pool-max <n>       server DATABASE_POOL_MAX (default $DATABASE_POOL_MAX or 10)
  --cpu-prof           save a CPU profile of the server in bench/results/profiles/
  --strict             exit 2 when a performance target is missed
  --skip-dashboard     npm run bench only: leave out the dashboard reads at 1M calls (bench/dashboard.ts)
Without DATABASE_URL the bench runs on embedded PGlite (figures not representative).`;

function int(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      build: { type: 'boolean', default: false },
      calls: { type: 'string' },
      concurrency: { type: 'string' },
      duplicates: { type: 'string' },
      rounds: { type: 'string' },
      'warmup-calls': { type: 'string' },
      seed: { type: 'string' },
      'pool-max': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'skip-dashboard': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const duplicates = values.duplicates === undefined ? 0.1 : Number(values.duplicates);
  if (!(duplicates >= 0 && duplicates < 1)) throw new Error(`--duplicates must be in [0, 1), got "${values.duplicates}"`);
  return {
    build: values.build,
    calls: int('calls', values.calls, 1500, 1),
    concurrency: int('concurrency', values.concurrency, 32, 1),
    duplicates,
    rounds: int('rounds', values.rounds, 2, 1),
    warmupCalls: int('warmup-calls', values['warmup-calls'], 300, 1),
    seed: int('seed', values.seed, 20260801, 0),
    // The bench owns its server's environment, so it reads this one setting directly.
    poolMax: int('pool-max', values['pool-max'] ?? process.env.DATABASE_POOL_MAX, 10, 1),
    cpuProf: values['cpu-prof'],
    strict: values.strict,
    dashboard: !values['skip-dashboard'],
  };
}
