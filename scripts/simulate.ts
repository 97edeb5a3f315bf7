// Sends simulated, signed provider webhooks to a running Callboard, then optionally checks what the API shows: npm run simulate -- --help

import { env } from '@/lib/env';
import { checkCalls } from '@/simulator/check-api';
import { parseSimulateArgs, USAGE } from '@/simulator/cli-options';
import { demoSecret } from '@/simulator/demo';
import { generateCalls, withDuplicates } from '@/simulator/lifecycles';
import { withOutOfOrder } from '@/simulator/out-of-order';
import { progressBar } from '@/simulator/progress';
import { sendCalls } from '@/simulator/send';
import { endpointOf, SIM_PROVIDERS, type SignableProvider, type SimProvider } from '@/simulator/sign';
import { optionsOrExit } from './cli-options';

const opts = optionsOrExit(parseSimulateArgs, USAGE);

// Env names follow lib/env.ts's rule: mirai-v2 → MIRAI_V2_WEBHOOK_SECRET.
const configured = env().webhookSecrets;
const fromEnv = (p: SimProvider) => configured[endpointOf(p).toUpperCase().replace('-', '_')]?.[0];
const secrets = Object.fromEntries(SIM_PROVIDERS.map((p) => [endpointOf(p), fromEnv(p) ?? demoSecret(p)])) as Record<SignableProvider, string>;
const secretSource = opts.providers.map((p) => `${p}=${fromEnv(p) ? 'env' : 'demo'}`).join(' ');

const generated = generateCalls({ count: opts.calls, seed: opts.seed, now: opts.now, days: opts.days, providers: opts.providers });
const calls = withOutOfOrder(withDuplicates(generated, opts.duplicates, opts.seed), opts.outOfOrder, opts.seed);
const total = calls.reduce((sum, call) => sum + call.events.length, 0);
console.log(`simulate: ${calls.length} calls, ${total} events → ${opts.url} (seed ${opts.seedText}, now ${opts.now.toISOString()}, secrets ${secretSource})`);

const started = performance.now();
const sendBar = progressBar('send ');
const result = await sendCalls({
  baseUrl: opts.url,
  calls,
  secrets,
  concurrency: opts.concurrency,
  rate: opts.rate,
  onProgress: ({ sent }) => sendBar.update(sent, total),
});
sendBar.end();

const seconds = (performance.now() - started) / 1000;
const perProvider = new Map<string, number>();
for (const call of calls) perProvider.set(call.dialect ?? call.provider, (perProvider.get(call.dialect ?? call.provider) ?? 0) + 1);
const byStatus = Object.entries(result.byStatus)
  .map(([status, n]) => `${status}: ${n}`)
  .join(', ');
console.log(`calls by provider: ${[...perProvider].map(([p, n]) => `${p} ${n}`).join(', ')}`);
console.log(`sent ${result.sent} in ${seconds.toFixed(1)} s (${(result.sent / seconds).toFixed(0)}/s): ${result.ok} ok, ${result.failed} failed [${byStatus}]`);
if (result.firstFailure) console.log(`first failure: ${result.firstFailure}`);
let failed = result.failed > 0;

if (opts.check && opts.token) {
  const checkBar = progressBar('check');
  const summary = await checkCalls({
    baseUrl: opts.url,
    token: opts.token,
    calls: generated,
    concurrency: opts.concurrency,
    onProgress: (d, t) => checkBar.update(d, t),
  });
  checkBar.end();
  const { missing, duplicated, wrong } = summary.byKind;
  console.log(`check: ${summary.checked} calls, ${summary.discrepancies.length} discrepancies (missing ${missing}, duplicated ${duplicated}, wrong ${wrong})`);
  for (const d of summary.discrepancies.slice(0, 50)) console.log(`  ${d.kind} ${d.provider} ${d.providerCallId}: ${d.detail}`);
  if (summary.discrepancies.length > 50) console.log(`  … and ${summary.discrepancies.length - 50} more`);
  failed ||= summary.discrepancies.length > 0;
}
process.exitCode = failed ? 1 : 0;
