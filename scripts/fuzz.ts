// Fuzzes a served Callboard over HTTP with the generators of fuzz/: npm run fuzz -- --help
import fc from 'fast-check';
import pg from 'pg';
import { type ApiCase, type ApiContext, apiCase, buildApiRequest, routeOf } from '@/fuzz/api-cases';
import { parseFuzzArgs, USAGE } from '@/fuzz/cli-options';
import { loadFixtures, serialMaker, WEBHOOK_ENDPOINTS } from '@/fuzz/fixtures';
import { type Judged, judge, type Sent } from '@/fuzz/judge';
import { failureReport, statusTable } from '@/fuzz/report';
import { type FuzzRequest, readAnswer, toHeaders } from '@/fuzz/request';
import { buildWebhookRequest, type WebhookCase, webhookCase } from '@/fuzz/webhook-cases';
import { buildWhatsappRequest, type WhatsappCase, whatsappCase } from '@/fuzz/whatsapp-cases';
import { env } from '@/lib/env';
import { demoSecret } from '@/simulator/demo';
import { progressBar } from '@/simulator/progress';
import type { SignableProvider } from '@/simulator/sign';
import { DEMO_WHATSAPP } from '@/simulator/whatsapp';
import { optionsOrExit } from './cli-options';

const opts = optionsOrExit(parseFuzzArgs, USAGE);

// Env names follow lib/env.ts's rule: mirai-v2 → MIRAI_V2_WEBHOOK_SECRET.
const configured = env().webhookSecrets;
const fromEnv = (p: SignableProvider) => configured[p.toUpperCase().replace('-', '_')]?.[0];
const secrets = Object.fromEntries(WEBHOOK_ENDPOINTS.map((p) => [p, fromEnv(p) ?? demoSecret(p)])) as Record<SignableProvider, string>;
const whatsappSecret = env().WHATSAPP_APP_SECRET?.[0] ?? DEMO_WHATSAPP.appSecret;

let retried = 0;
async function fetchAnswer(req: FuzzRequest, attempt = 1): Promise<Sent> {
  try {
    const response = await fetch(`${opts.url}${req.path}`, {
      method: req.method,
      headers: toHeaders(req.headers),
      body: req.body === null ? undefined : new Uint8Array(req.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(120_000),
    });
    return { request: req, answer: await readAnswer(response) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // A kept-alive socket the server closed just before reuse: not the server's fault; once more.
    if (attempt === 1 && (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET')) {
      retried++;
      return fetchAnswer(req, 2);
    }
    return { request: req, answer: { status: 0, contentType: '', text: `no answer: ${(error as Error).message} ${cause?.code ?? cause?.message ?? ''}` } };
  }
}

/** A session cookie for --email/--password, signed in through Better Auth like a browser. */
async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${opts.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: opts.url },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function knownIds(auth: Record<string, string>): Promise<ApiContext['ids']> {
  const get = async (path: string, key: string) => {
    const res = await fetch(`${opts.url}${path}`, { headers: auth });
    if (!res.ok) return [];
    const json = (await res.json()) as Record<string, { id: string }[]>;
    return (json[key] ?? []).map((r) => r.id);
  };
  const call = await get('/api/calls?limit=5', 'calls');
  return {
    call,
    action: await get('/api/actions?limit=5', 'actions'),
    delivery: await get('/api/deliveries?limit=5', 'deliveries'),
    // The customer's page by its call (a number is read from the call by the route).
    customer: call.map((id) => `call-${id}`),
  };
}

const cookie = opts.email && opts.password ? await signIn(opts.email, opts.password) : '';
const bearer = opts.token ?? '';
const auth: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : cookie ? { cookie, origin: opts.url } : {};
if (!bearer && !cookie) console.log('fuzz: no --token or --email/--password; the JSON routes will mostly answer 401');

// A few valid deliveries first, so the id routes have calls, actions and deliveries to find.
const serial = serialMaker();
const now = new Date();
const warmup = loadFixtures().map(
  (_, fixture): WebhookCase => ({ fixture, json: [], bytes: [], sign: 'valid', contentType: 'application/json', extraHeaders: [], garbage: '' }),
);
const build = (c: WebhookCase) => {
  const s = serial();
  return buildWebhookRequest(c, { secrets, now, serial: s, requestId: `fuzz-${opts.seedText}-${s}` });
};
const warm = await Promise.all(warmup.map((c) => fetchAnswer(build(c))));
const ids = await knownIds(auth);
const ctx: ApiContext = { origin: opts.url, ids, bearer: bearer || null, cookie: cookie || null };
const sizes = { call: ids.call.length, action: ids.action.length, delivery: ids.delivery.length, customer: ids.customer?.length ?? 0 };

type AnyCase = { kind: 'webhook'; c: WebhookCase } | { kind: 'whatsapp'; c: WhatsappCase } | { kind: 'api'; c: ApiCase };
const weight = Math.round(opts.apiShare * 100);
// WhatsApp is one webhook endpoint of five: about a fifth of the webhook share.
const whatsappWeight = Math.round((100 - weight) / 5);
const arbitrary: fc.Arbitrary<AnyCase> = fc.oneof(
  { weight: 100 - weight - whatsappWeight, arbitrary: webhookCase().map((c) => ({ kind: 'webhook' as const, c })) },
  { weight: whatsappWeight, arbitrary: whatsappCase().map((c) => ({ kind: 'whatsapp' as const, c })) },
  { weight, arbitrary: apiCase(sizes).map((c) => ({ kind: 'api' as const, c })) },
);
const cases = fc.sample(arbitrary, { seed: opts.seed, numRuns: opts.requests });
const buildWhatsapp = (c: WhatsappCase) => {
  const s = serial();
  return buildWhatsappRequest(c, { secret: whatsappSecret, serial: s, requestId: `fuzz-wa-${opts.seedText}-${s}` });
};
const toRequest = (a: AnyCase): { request: FuzzRequest; envelope: boolean } =>
  a.kind === 'webhook'
    ? { request: build(a.c), envelope: true }
    : a.kind === 'whatsapp'
      ? { request: buildWhatsapp(a.c), envelope: true }
      : { request: buildApiRequest(a.c, ctx), envelope: routeOf(a.c).envelope !== false };

console.log(
  `fuzz: ${opts.requests} requests → ${opts.url} (seed ${opts.seedText}, concurrency ${opts.concurrency}, api share ${opts.apiShare}, known ids ${JSON.stringify(sizes)}${opts.check ? ', --check' : ''})`,
);
const db = opts.check ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }) : null;
const judged: Judged[] = await judge(warm, db);
const bar = progressBar('fuzz ');
const started = performance.now();
let next = 0;
let pending: Sent[] = [];
const flush = async () => {
  const batch = pending;
  pending = [];
  judged.push(...(await judge(batch, db)));
};
await Promise.all(
  Array.from({ length: opts.concurrency }, async () => {
    while (next < cases.length) {
      const { request, envelope } = toRequest(cases[next++]!);
      const sent = await fetchAnswer(request);
      // Pushed after the await: a flush may have swapped `pending` for a new array meanwhile.
      pending.push({ ...sent, envelope });
      if (pending.length >= 500) await flush();
      bar.update(judged.length + pending.length, cases.length + warm.length);
    }
  }),
);
await flush();
bar.end();
const seconds = (performance.now() - started) / 1000;

// An answer of 0 is no answer at all (the connection dropped): a failure like a 5xx.
for (const j of judged) if (j.answer.status === 0) j.problems.push({ kind: 'no_answer', detail: j.answer.text });
console.log(
  `\nsent ${judged.length} in ${seconds.toFixed(1)} s (${(judged.length / seconds).toFixed(0)}/s)${retried ? `; ${retried} resent once after a connection reset` : ''}\n`,
);
console.log(statusTable(judged.map((j) => ({ route: j.request.route, status: j.answer.status || 'ERR' }))));

let unfolded = 0;
if (db) {
  // Every call, not just this run's: an accepted delivery must never leave its call behind.
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM call c LEFT JOIN LATERAL (SELECT count(*)::int AS k, max(received_at) AS newest FROM call_event e WHERE e.call_id = c.id) s ON true
     WHERE c.event_count <> s.k OR c.last_event_at IS DISTINCT FROM s.newest`,
  );
  unfolded = rows[0]!.n;
  await db.end();
}

const failed = judged.filter((j) => j.problems.length > 0);
const byKind = new Map<string, number>();
for (const j of failed) for (const p of j.problems) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
if (failed.length > 0) console.log(`\nfailures (every request; bodies cut at 600 bytes):${failureReport(failed)}`);
console.log(
  `\n${failed.length} of ${judged.length} requests broke the oracle${byKind.size ? ` (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
);
if (db)
  console.log(`check: ${unfolded} calls whose event count or last event disagrees with their stored events (0 accepted deliveries left unfolded is the goal)`);
console.log(`seed ${opts.seedText}: npm run fuzz -- --seed ${opts.seedText} --requests ${opts.requests} replays the same requests (ids differ)`);
process.exitCode = failed.length > 0 || unfolded > 0 ? 1 : 0;
