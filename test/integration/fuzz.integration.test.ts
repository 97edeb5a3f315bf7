// Fuzzes every webhook endpoint and every JSON route through the real route handlers against the
// real database: mutated, mostly correctly signed provider payloads and hostile queries, bodies
// and headers. Per request: no 5xx, 4xx in the error envelope, every webhook delivery on record
// (2xx stored and folded, 4xx with its reason). FUZZ_SEED and FUZZ_RUNS override the defaults;
// FUZZ_SURVEY=true keeps going after a failure and prints every problem grouped by its cause.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as decide } from '@/app/api/actions/[id]/decision/route';
import { POST as markSent } from '@/app/api/actions/[id]/mark-sent/route';
import { POST as redispatch } from '@/app/api/actions/[id]/redispatch/route';
import { POST as resend } from '@/app/api/actions/[id]/resend/route';
import { GET as getAction } from '@/app/api/actions/[id]/route';
import { POST as undo } from '@/app/api/actions/[id]/undo/route';
import { GET as countActions } from '@/app/api/actions/count/route';
import { GET as listActions } from '@/app/api/actions/route';
import { POST as acknowledgeAlert } from '@/app/api/alerts/[id]/acknowledge/route';
import { GET as listAlerts } from '@/app/api/alerts/route';
import { GET as chart } from '@/app/api/analytics/[chart]/route';
import { GET as getThreshold, PUT as putThreshold } from '@/app/api/analytics/threshold/route';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route';
import { POST as benchBare } from '@/app/api/bench/bare/route';
import { GET as getCall } from '@/app/api/calls/[id]/route';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { GET as cronAlerts } from '@/app/api/cron/alerts/route';
import { GET as cronDispatch } from '@/app/api/cron/dispatch/route';
import { GET as cronPruneAttempts } from '@/app/api/cron/prune-auth-attempts/route';
import { GET as cronPruneDeliveries } from '@/app/api/cron/prune-deliveries/route';
import { GET as getCustomer } from '@/app/api/customers/[number]/route';
import { GET as getDelivery } from '@/app/api/deliveries/[id]/route';
import { GET as listDeliveries } from '@/app/api/deliveries/route';
import { GET as health } from '@/app/api/health/route';
import { POST as reprocess } from '@/app/api/reprocess/route';
import { GET as getAlertRules, PUT as putAlertRules } from '@/app/api/settings/alert-rules/route';
import { GET as getWhatsappTemplates, PUT as putWhatsappTemplates } from '@/app/api/settings/whatsapp-templates/route';
import { POST as atoms } from '@/app/api/webhooks/atoms/route';
import { POST as minivoice } from '@/app/api/webhooks/minivoice/route';
import { POST as mirai } from '@/app/api/webhooks/mirai/route';
import { POST as miraiV2 } from '@/app/api/webhooks/mirai-v2/route';
import { POST as whatsapp, GET as whatsappHandshake } from '@/app/api/webhooks/whatsapp/route';
import { type ApiContext, apiCase, buildApiRequest, routeOf } from '@/fuzz/api-cases';
import { serialMaker } from '@/fuzz/fixtures';
import { describeFailure, type Judged, judge, type Sent } from '@/fuzz/judge';
import { type FuzzRequest, readAnswer, toHeaders } from '@/fuzz/request';
import { buildWebhookRequest, webhookCase } from '@/fuzz/webhook-cases';
import { buildWhatsappRequest, whatsappCase } from '@/fuzz/whatsapp-cases';
import { closePools } from '@/lib/db';
import { env } from '@/lib/env';
import { applyMigrations } from '@/prisma/migrate';
import { seedFromString } from '@/simulator/prng';
import { makeToken, makeUser, signIn } from '@/test/auth';
import { createTestDatabase, type TestDatabase } from '@/test/setup/test-database';
import { post, TEST_SECRETS, testDb, uid, useTestSecrets } from '@/test/webhooks';
import { useWhatsappSecrets, WHATSAPP_TEST_SECRET } from '@/test/whatsapp-webhooks';

// A database of its own: what the fuzzer stores (1e308 credits, year-1 calls, a changed
// threshold) must not leak into the aggregates the other suites assert on while they run beside it.
// The embedded Postgres (no DATABASE_URL) holds one database only: then share the run's.
async function ownDatabase(): Promise<TestDatabase | null> {
  let db: TestDatabase | undefined;
  try {
    db = await createTestDatabase('callboard_fuzz_');
    await applyMigrations(db.url);
    return db;
  } catch (error) {
    await db?.dispose().catch(() => undefined);
    console.warn(`fuzz: no database of its own (${(error as Error).message}); sharing the integration run's`);
    return null;
  }
}
const ownDb = await ownDatabase();
if (ownDb) process.env.DATABASE_URL = ownDb.url;
useTestSecrets();
useWhatsappSecrets();
process.env.CRON_SECRET = 'integration-cron-secret-0123456789';
// lib/env.ts reads the environment once: nothing may have read it before this point.
if (ownDb && env().DATABASE_URL !== ownDb.url) throw new Error('lib/env.ts read DATABASE_URL before the fuzz suite could point it at its own database');

const SEED = /^-?\d+$/.test(process.env.FUZZ_SEED ?? '')
  ? Number(process.env.FUZZ_SEED) | 0
  : process.env.FUZZ_SEED
    ? seedFromString(process.env.FUZZ_SEED) | 0
    : 20261205;
// Sized to about half a minute on two idle cores (a minute loaded); FUZZ_RUNS scales both properties.
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SURVEY = process.env.FUZZ_SURVEY === 'true';

type Handler = (request: Request, params: string) => Promise<Response>;
const p = <K extends string>(key: K, value: string) => ({ params: Promise.resolve({ [key]: value } as Record<K, string>) });
// Mirrors the app router: static segments before dynamic ones.
const HANDLERS: [RegExp, string, Handler][] = [
  [/^\/api\/webhooks\/mirai$/, 'POST', (r) => mirai(r)],
  [/^\/api\/webhooks\/mirai-v2$/, 'POST', (r) => miraiV2(r)],
  [/^\/api\/webhooks\/minivoice$/, 'POST', (r) => minivoice(r)],
  [/^\/api\/webhooks\/atoms$/, 'POST', (r) => atoms(r)],
  [/^\/api\/webhooks\/whatsapp$/, 'POST', (r) => whatsapp(r)],
  [/^\/api\/webhooks\/whatsapp$/, 'GET', async (r) => whatsappHandshake(r)],
  [/^\/api\/calls$/, 'GET', (r) => listCalls(r)],
  [/^\/api\/calls\/export$/, 'GET', (r) => exportCalls(r)],
  [/^\/api\/calls\/([^/]+)$/, 'GET', (r, id) => getCall(r, p('id', id))],
  [/^\/api\/deliveries$/, 'GET', (r) => listDeliveries(r)],
  [/^\/api\/deliveries\/([^/]+)$/, 'GET', (r, id) => getDelivery(r, p('id', id))],
  [/^\/api\/actions$/, 'GET', (r) => listActions(r)],
  [/^\/api\/actions\/count$/, 'GET', (r) => countActions(r)],
  [/^\/api\/actions\/([^/]+)$/, 'GET', (r, id) => getAction(r, p('id', id))],
  [/^\/api\/actions\/([^/]+)\/decision$/, 'POST', (r, id) => decide(r, p('id', id))],
  [/^\/api\/actions\/([^/]+)\/mark-sent$/, 'POST', (r, id) => markSent(r, p('id', id))],
  [/^\/api\/actions\/([^/]+)\/redispatch$/, 'POST', (r, id) => redispatch(r, p('id', id))],
  [/^\/api\/actions\/([^/]+)\/resend$/, 'POST', (r, id) => resend(r, p('id', id))],
  [/^\/api\/actions\/([^/]+)\/undo$/, 'POST', (r, id) => undo(r, p('id', id))],
  [/^\/api\/customers\/([^/]+)$/, 'GET', (r, id) => getCustomer(r, p('number', id))],
  [/^\/api\/analytics\/threshold$/, 'GET', (r) => getThreshold(r)],
  [/^\/api\/analytics\/threshold$/, 'PUT', (r) => putThreshold(r)],
  [/^\/api\/analytics\/([^/]+)$/, 'GET', (r, c) => chart(r, p('chart', c))],
  [/^\/api\/settings\/whatsapp-templates$/, 'GET', (r) => getWhatsappTemplates(r)],
  [/^\/api\/settings\/whatsapp-templates$/, 'PUT', (r) => putWhatsappTemplates(r)],
  [/^\/api\/settings\/alert-rules$/, 'GET', (r) => getAlertRules(r)],
  [/^\/api\/settings\/alert-rules$/, 'PUT', (r) => putAlertRules(r)],
  [/^\/api\/alerts$/, 'GET', (r) => listAlerts(r)],
  [/^\/api\/alerts\/([^/]+)\/acknowledge$/, 'POST', (r, id) => acknowledgeAlert(r, p('id', id))],
  [/^\/api\/reprocess$/, 'POST', (r) => reprocess(r)],
  [/^\/api\/health$/, 'GET', () => health()],
  [/^\/api\/cron\/dispatch$/, 'GET', (r) => cronDispatch(r)],
  [/^\/api\/cron\/alerts$/, 'GET', (r) => cronAlerts(r)],
  [/^\/api\/cron\/prune-deliveries$/, 'GET', (r) => cronPruneDeliveries(r)],
  [/^\/api\/cron\/prune-auth-attempts$/, 'GET', (r) => cronPruneAttempts(r)],
  [/^\/api\/bench\/bare$/, 'POST', (r) => benchBare(r)],
  [/^\/api\/auth\/.+$/, 'POST', (r) => authPost(r)],
  [/^\/api\/auth\/.+$/, 'GET', (r) => authGet(r)],
];

/** Next decodes a dynamic segment; a segment that is not valid percent-encoding stays as sent. */
function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Sends one request into its route handler, as Next would route it; a throw becomes a 500. */
async function send(req: FuzzRequest): Promise<Sent> {
  const request = new Request(`http://localhost${req.path}`, {
    method: req.method,
    headers: toHeaders(req.headers),
    body: req.body === null ? undefined : new Uint8Array(req.body),
  });
  const pathname = new URL(request.url).pathname;
  const found = HANDLERS.find(([re, method]) => method === req.method && re.test(pathname));
  if (!found) throw new Error(`no handler for ${req.method} ${pathname}`);
  let response: Response;
  try {
    response = await found[2](request, decodeSegment(found[0].exec(pathname)?.[1] ?? ''));
  } catch (error) {
    // Next answers an uncaught throw with a bare 500.
    response = new Response(`uncaught: ${(error as Error).message}`, { status: 500 });
  }
  return { request: req, answer: await readAnswer(response) };
}

/** Survey mode: every problem, grouped by kind, route and the first line the server logged. */
const survey = new Map<string, { count: number; example: string }>();
const logged: string[] = [];
const consoleError = console.error;

async function sendAll(requests: FuzzRequest[], envelope: (r: FuzzRequest) => boolean): Promise<Judged[]> {
  let sent: Sent[];
  if (SURVEY) {
    // One at a time, so what the server logs belongs to the request that caused it.
    sent = [];
    for (const r of requests) {
      logged.length = 0;
      const s = await send(r);
      sent.push({ ...s, envelope: envelope(r), cause: logged.join(' | ') } as Sent);
    }
  } else sent = (await Promise.all(requests.map(send))).map((s) => ({ ...s, envelope: envelope(s.request) }));
  return judge(sent, testDb());
}

function verdict(judged: Judged[]): void {
  const failed = judged.filter((j) => j.problems.length > 0);
  if (SURVEY) {
    for (const j of failed) {
      const cause = ((j as Judged & { cause?: string }).cause ?? '').replace(/[0-9a-f-]{36}|\d{4,}/g, '…').slice(0, 160);
      const key = `${j.problems.map((p) => p.kind).join('+')} · ${j.request.route} · ${cause}`;
      const example = describeFailure(j);
      const entry = survey.get(key) ?? { count: 0, example };
      entry.count++;
      // The shortest example of a group is the nearest to a minimal repro.
      if (example.length < entry.example.length) entry.example = example;
      survey.set(key, entry);
    }
    return;
  }
  if (failed.length > 0) throw new Error(`${failed.length} of ${judged.length} requests broke the oracle:\n${failed.map(describeFailure).join('\n')}`);
}

const params = (runs: number): fc.Parameters<[unknown]> => ({
  seed: SEED,
  numRuns: runs,
  // Shrinking replays requests against the database; stop it rather than the whole suite.
  interruptAfterTimeLimit: 150_000,
  markInterruptAsFailure: false,
});

let ctx: ApiContext;

beforeAll(async () => {
  if (SURVEY)
    console.error = (...args: unknown[]) =>
      void logged.push(
        args
          .map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a)))
          .join(' ')
          .split('\n')[0]!,
      );
  // Something for the id routes to find: two calls, one with an action.
  const ids = { call: [] as string[], action: [] as string[], delivery: [] as string[], customer: [] as string[] };
  for (let i = 0; i < 2; i++) {
    const id = uid('fuzzseed');
    await post('mirai', {
      metadata: { ref: id, campaign: 'fuzz' },
      event: { type: 'call.completed', data: { call: { id, status: 'completed', durationSeconds: 5 } } },
    });
    await post('mirai', {
      event: {
        type: 'action',
        data: {
          action: 'create_order',
          call: { id },
          payload: {
            phone: '+919812345678',
            lineItems: [{ title: 'Chai', quantity: 1 }],
            shippingAddress: { firstName: 'A', address1: 'B', city: 'C', country: 'IN' },
          },
        },
      },
    });
    const { rows } = await testDb().query<{ call: string; action: string | null; delivery: string }>(
      `SELECT c.id AS call, a.id AS action, d.id AS delivery FROM call c LEFT JOIN action a ON a.call_id = c.id JOIN delivery d ON d.call_id = c.id
       WHERE c.provider = 'mirai' AND c.provider_call_id = $1 LIMIT 1`,
      [id],
    );
    ids.call.push(rows[0]!.call);
    ids.customer.push(`call-${rows[0]!.call}`, '%2B919812345678');
    if (rows[0]!.action) ids.action.push(rows[0]!.action);
    ids.delivery.push(rows[0]!.delivery);
  }
  const admin = await makeUser('admin');
  const { cookie } = await signIn(admin.email);
  ctx = { origin: 'http://localhost', ids, bearer: await makeToken('admin'), cookie };
});

afterAll(async () => {
  console.error = consoleError;
  await Promise.all([testDb().end(), closePools()]);
  await ownDb?.dispose();
  if (!SURVEY) return;
  const groups = [...survey].sort((a, b) => b[1].count - a[1].count);
  console.log(`fuzz survey (seed ${SEED}, runs ${RUNS}): ${groups.length} distinct problems`);
  for (const [key, { count, example }] of groups) console.log(`\n[${count}×] ${key}\n${example}`);
});

describe(`fuzz (seed ${SEED}; FUZZ_SEED=<n> to change)`, () => {
  it('webhooks: signed, mutated payloads and hostile headers — no 5xx, every delivery on record and folded', async () => {
    const serial = serialMaker();
    const now = new Date();
    await fc.assert(
      fc.asyncProperty(fc.array(webhookCase(), { minLength: 1, maxLength: 6 }), async (cases) => {
        const requests = cases.map((c) => {
          const s = serial();
          return buildWebhookRequest(c, { secrets: TEST_SECRETS, now, serial: s, requestId: `fuzz-${SEED}-${s}` });
        });
        verdict(await sendAll(requests, () => true));
      }),
      params(RUNS),
    );
    if (SURVEY) expect(survey.size, 'problems found (see the survey printed after the run)').toBe(0);
  }, 300_000);

  it('WhatsApp webhook: signed, mutated Meta payloads — no 5xx, every delivery on record, stored or refused with its reason', async () => {
    const serial = serialMaker();
    await fc.assert(
      fc.asyncProperty(fc.array(whatsappCase(), { minLength: 1, maxLength: 6 }), async (cases) => {
        const requests = cases.map((c) => {
          const s = serial();
          return buildWhatsappRequest(c, { secret: WHATSAPP_TEST_SECRET, serial: s, requestId: `fuzz-wa-${SEED}-${s}` });
        });
        verdict(await sendAll(requests, () => true));
      }),
      params(Math.ceil(RUNS / 2)),
    );
    if (SURVEY) expect(survey.size, 'problems found (see the survey printed after the run)').toBe(0);
  }, 300_000);

  it('JSON API: hostile queries, ids, bodies and origins as a signed-in admin — no 5xx, 4xx in the envelope', async () => {
    const sizes = { call: ctx.ids.call.length, action: ctx.ids.action.length, delivery: ctx.ids.delivery.length, customer: ctx.ids.customer?.length ?? 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(apiCase(sizes), { minLength: 1, maxLength: 4 }), async (cases) => {
        const requests = cases.map((c) => ({ req: buildApiRequest(c, ctx), envelope: routeOf(c).envelope !== false }));
        const envelopeOf = new Map(requests.map(({ req, envelope }) => [req, envelope]));
        verdict(
          await sendAll(
            requests.map((r) => r.req),
            (r) => envelopeOf.get(r) ?? true,
          ),
        );
      }),
      params(RUNS * 2),
    );
    if (SURVEY) expect(survey.size, 'problems found (see the survey printed after the run)').toBe(0);
  }, 300_000);
});
