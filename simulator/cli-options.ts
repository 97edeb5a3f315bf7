import { parseArgs } from 'node:util';
import { PROVIDERS, providerById } from '@/lib/providers/registry';
import { numberOption, OptionError } from '@/scripts/cli-options';
import { seedFromString } from './prng';
import { DEFAULT_SIM_PROVIDERS, endpointOf, SIM_PROVIDERS, type SimProvider } from './sign';

// Parses `npm run simulate` options into typed values; pure (no process.exit), so the CLI
// decides how to fail and the parsing can be tested.

/** Endpoints whose secret every setup has (the default stories'); a story posting elsewhere needs its own. */
const SETUP_ENDPOINTS = new Set(DEFAULT_SIM_PROVIDERS.map(endpointOf));
const NEED_SECRET = SIM_PROVIDERS.filter((p) => !SETUP_ENDPOINTS.has(endpointOf(p)));
const secretName = (provider: string) => `${providerById(provider)?.envPrefix ?? provider.toUpperCase()}_WEBHOOK_SECRET`;
const SECRET_NAMES = Object.keys(PROVIDERS).map(secretName);

export const USAGE = `Usage: npm run simulate -- [options]
  --url <url>            base URL (default http://127.0.0.1:3000)
  --calls <n>            number of calls (default 50)
  --rate <n>             cap on events per second across all workers (default 0: no cap)
  --concurrency <n>      calls in flight (default 8)
  --providers <list>     comma list of ${SIM_PROVIDERS.join(',')} (default: all but ${NEED_SECRET.map((p) => `${p}, which needs ${secretName(endpointOf(p))}`).join('; ')})
  --duplicates <p>       probability each event is sent twice (default 0)
  --out-of-order <p>     probability a call's events are shuffled (default 0)
  --seed <s>             PRNG seed (default random, printed): same seed, same mix of calls
  --now <iso>            the clock calls are generated against; with --seed, same bytes too
  --days <n>             spread calls over the last n days (default 7)
  --check                afterwards read the API and report missing, duplicated or wrong calls
  --token <t>            API token for --check (default CALLBOARD_TOKEN)
Secrets: ${SECRET_NAMES.join(', ')} (first of a comma list),
else the demo secrets (what npm run dev sets).`;

export interface SimulateOptions {
  url: string;
  calls: number;
  rate: number;
  concurrency: number;
  providers: SimProvider[];
  duplicates: number;
  outOfOrder: number;
  seedText: string;
  seed: number;
  now: Date;
  days: number;
  check: boolean;
  token: string | undefined;
  help: boolean;
}

export { OptionError };

export function parseSimulateArgs(args: string[], env: Record<string, string | undefined> = {}, random: () => number = Math.random): SimulateOptions {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      calls: { type: 'string', default: '50' },
      rate: { type: 'string', default: '0' },
      concurrency: { type: 'string', default: '8' },
      seed: { type: 'string' },
      now: { type: 'string' },
      providers: { type: 'string' },
      duplicates: { type: 'string', default: '0' },
      'out-of-order': { type: 'string', default: '0' },
      days: { type: 'string', default: '7' },
      check: { type: 'boolean', default: false },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  // Atoms' current format shares the atoms secret, which every setup has; Mirai v2 has its own.
  const fallback = SIM_PROVIDERS.filter((p) => SETUP_ENDPOINTS.has(endpointOf(p)) || env[secretName(endpointOf(p))]);
  const providers = (values.providers ?? fallback.join(','))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = providers.filter((p) => !(SIM_PROVIDERS as readonly string[]).includes(p));
  if (unknown.length > 0 || providers.length === 0) throw new OptionError(`--providers: unknown "${unknown.join(', ')}"`);
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new OptionError(`--now must be an ISO date-time, got "${values.now ?? ''}"`);
  const seedText = values.seed ?? String(Math.floor(random() * 2 ** 32));
  const token = values.token ?? env.CALLBOARD_TOKEN;
  if (values.check && !token && !values.help) throw new OptionError('--check reads the API: pass --token or set CALLBOARD_TOKEN (npm run token:create)');
  return {
    url: values.url.replace(/\/+$/, ''),
    calls: Math.floor(numberOption('calls', values.calls, 1, 1_000_000)),
    rate: numberOption('rate', values.rate, 0, 1_000_000),
    concurrency: Math.floor(numberOption('concurrency', values.concurrency, 1, 1000)),
    providers: providers as SimProvider[],
    duplicates: numberOption('duplicates', values.duplicates, 0, 1),
    outOfOrder: numberOption('out-of-order', values['out-of-order'], 0, 1),
    seedText,
    seed: /^\d+$/.test(seedText) ? Number(seedText) >>> 0 : seedFromString(seedText),
    now,
    days: numberOption('days', values.days, 1, 365),
    check: values.check,
    token,
    help: values.help,
  };
}
