// Sends simulated, signed provider webhooks to a running Callboard: npx tsx scripts/simulate.ts --help
import { parseArgs } from 'node:util';
import { env } from '@/lib/env';
import { DEMO_SECRETS } from '@/lib/simulator/demo';
import { generateCalls, seedFromString, withDuplicates } from '@/lib/simulator/lifecycles';
import { sendCalls } from '@/lib/simulator/send';
import { SIM_PROVIDERS, type SimProvider } from '@/lib/simulator/sign';

const USAGE = `Usage: npx tsx scripts/simulate.ts [options]
  --url <url>            base URL (default http://127.0.0.1:3000)
  --calls <n>            number of calls (default 50)
  --concurrency <n>      calls in flight (default 8)
  --seed <s>             PRNG seed (default random, printed): same seed, same mix of calls
  --providers <list>     comma list of mirai,minivoice,atoms (default all)
  --duplicates <p>       probability each event is sent twice (default 0)
  --days <n>             spread calls over the last n days (default 7)
Secrets: MIRAI_WEBHOOK_SECRET, MINIVOICE_WEBHOOK_SECRET, ATOMS_WEBHOOK_SECRET (first of a
comma list), else the demo secrets.`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function number(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    calls: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8' },
    seed: { type: 'string' },
    providers: { type: 'string', default: SIM_PROVIDERS.join(',') },
    duplicates: { type: 'string', default: '0' },
    days: { type: 'string', default: '7' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const providers = values.providers.split(',').map((p) => p.trim()).filter(Boolean);
const unknown = providers.filter((p) => !(SIM_PROVIDERS as readonly string[]).includes(p));
if (unknown.length > 0 || providers.length === 0) fail(`--providers: unknown "${unknown.join(', ')}"`);

const seedText = values.seed ?? String(Math.floor(Math.random() * 2 ** 32));
const seed = /^\d+$/.test(seedText) ? Number(seedText) >>> 0 : seedFromString(seedText);
const count = Math.floor(number('calls', values.calls, 1, 1_000_000));
const concurrency = Math.floor(number('concurrency', values.concurrency, 1, 1000));
const duplicates = number('duplicates', values.duplicates, 0, 1);
const days = number('days', values.days, 1, 365);

const configured = env().webhookSecrets;
const secrets = Object.fromEntries(
  SIM_PROVIDERS.map((p) => [p, configured[p.toUpperCase()]?.[0] ?? DEMO_SECRETS[p]]),
) as Record<SimProvider, string>;
const secretSource = SIM_PROVIDERS.map((p) => `${p}=${configured[p.toUpperCase()]?.[0] ? 'env' : 'demo'}`).join(' ');

const calls = withDuplicates(generateCalls({ count, seed, now: new Date(), days, providers: providers as SimProvider[] }), duplicates, seed);
const total = calls.reduce((sum, call) => sum + call.events.length, 0);
console.log(`simulate: ${calls.length} calls, ${total} events → ${values.url} (seed ${seedText}, secrets ${secretSource})`);

const started = performance.now();
let lastPrint = 0;
const result = await sendCalls({
  baseUrl: values.url,
  calls,
  secrets,
  concurrency,
  onProgress: ({ sent }) => {
    if (process.stdout.isTTY && (performance.now() - lastPrint > 250 || sent === total)) {
      lastPrint = performance.now();
      process.stdout.write(`\r  ${sent}/${total}`);
    }
  },
});
if (process.stdout.isTTY) process.stdout.write('\n');

const seconds = (performance.now() - started) / 1000;
const perProvider = new Map<string, number>();
for (const call of calls) perProvider.set(call.provider, (perProvider.get(call.provider) ?? 0) + 1);
const byProvider = [...perProvider].map(([p, n]) => `${p} ${n}`).join(', ');
const byStatus = Object.entries(result.byStatus).map(([status, n]) => `${status}: ${n}`).join(', ');
console.log(`calls by provider: ${byProvider}`);
console.log(`sent ${result.sent} in ${seconds.toFixed(1)} s (${(result.sent / seconds).toFixed(0)}/s): ${result.ok} ok, ${result.failed} failed [${byStatus}]`);
if (result.firstFailure) console.log(`first failure: ${result.firstFailure}`);
process.exitCode = result.failed > 0 ? 1 : 0;
