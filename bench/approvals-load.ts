// npx tsx bench/approvals-load.ts [--pending 1000] [--port 3131]: how the approvals queue holds
// up with a long queue. Seeds N pending actions (default 1,000; half orders, half WhatsApp messages, two per call) in a fresh
// database, starts the built app (`next start`), and times, as an approver:
//   - GET /approvals (the server-rendered queue page, whole HTML),
//   - GET /api/actions?status=pending&limit=100 (the first page, what the queue polls),
//   - reading the whole queue through the API with limit=100 and nextCursor,
//   - Chromium: navigation to the first card visible, and to the cards hydrated (keys answer).
// Prints p50/p95 per measure; run it at 10 pending too (--pending 10) to see what the length costs.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { createDemoUsers, DEMO_PASSWORD } from '../lib/auth/demo-users';
import { applyMigrations } from '../prisma/migrate';
import { createTestDatabase } from '../test/setup/test-database';
import { percentile } from './stats';

const { values: args } = parseArgs({
  options: {
    pending: { type: 'string', default: '1000' },
    port: { type: 'string', default: '3131' },
    rounds: { type: 'string', default: '15' },
  },
});
const PENDING = Number(args.pending);
const PORT = Number(args.port);
const ROUNDS = Number(args.rounds);
const base = `http://127.0.0.1:${PORT}`;

async function seed(url: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await createDemoUsers(client);
    const calls = Math.ceil(n / 2);
    await client.query(
      `WITH calls AS (
         INSERT INTO call (provider, provider_call_id, status, started_at, ended_at, customer_number, summary)
         SELECT 'mirai', 'bench_' || i, 'completed', now() - interval '2 hours' + i * interval '1 second',
                now() - interval '2 hours' + i * interval '1 second' + interval '3 minutes',
                '+9198' || lpad(i::text, 8, '0'), 'Customer confirmed a COD order and asked for a WhatsApp follow-up.'
         FROM generate_series(1, $1) AS i RETURNING id, provider_call_id
       ), events AS (
         INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, payload, normalized)
         SELECT 'mirai', c.provider_call_id || ':' || k, c.id, c.provider_call_id, 'action', '{}', '{}'
         FROM calls c CROSS JOIN generate_series(1, 2) AS k RETURNING id, call_id, provider_call_id, dedupe_key
       )
       INSERT INTO action (provider, event_id, call_id, provider_call_id, kind, raw_kind, reason, payload, created_at)
       SELECT 'mirai', e.id, e.call_id, e.provider_call_id,
              CASE WHEN split_part(e.dedupe_key, ':', 2) = '1' THEN 'create_order' ELSE 'send_whatsapp' END,
              CASE WHEN split_part(e.dedupe_key, ':', 2) = '1' THEN 'create_order' ELSE 'send_whatsapp' END,
              CASE WHEN split_part(e.dedupe_key, ':', 2) = '1' THEN NULL ELSE 'missing_address' END,
              CASE WHEN split_part(e.dedupe_key, ':', 2) = '1' THEN $2::jsonb ELSE $3::jsonb END,
              now() - interval '2 hours' + split_part(split_part(e.dedupe_key, ':', 1), '_', 2)::int * interval '1 second'
       FROM events e`,
      [
        calls,
        JSON.stringify({
          phone: '+919876543210',
          lineItems: [{ title: 'Masala Chai 250g', variantId: '44001', quantity: 2, price: 349 }],
          shippingAddress: { firstName: 'Asha', lastName: 'Rao', address1: '12 MG Road', city: 'Bengaluru', zip: '560001', country: 'India' },
          paymentMode: 'cod',
          cartTotal: 747,
          codCharge: 49,
        }),
        JSON.stringify({ number: '+919876543210', message: 'Hi Asha, could you share your full delivery address?' }),
      ],
    );
    // Exactly N: drop the surplus message when N is odd.
    await client.query(`DELETE FROM action WHERE id IN (SELECT id FROM action ORDER BY created_at DESC, id DESC OFFSET $1)`, [n]);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not answer within 90 s');
}

async function signInCookie(): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'approver@callboard.local', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function report(name: string, samples: number[], extra = ''): void {
  const sorted = Float64Array.from(samples).sort();
  console.log(`${name.padEnd(58)} p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms ${extra}`);
}

async function main(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('build first: npm run build');
  const db = await createTestDatabase('callboard_bench_queue_');
  let server: ChildProcess | undefined;
  try {
    await applyMigrations(db.url);
    await seed(db.url, PENDING);
    server = spawn('node_modules/.bin/next', ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-01',
        BETTER_AUTH_URL: base,
        SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    });
    await waitForHealth(server);
    const cookie = await signInCookie();
    const get = (path: string) => fetch(`${base}${path}`, { headers: { cookie } }).then(async (r) => ({ status: r.status, text: await r.text() }));
    // Warm-up: the first render of a route compiles nothing in production, but pools and caches fill.
    for (let i = 0; i < 3; i++) await Promise.all([get('/approvals'), get('/api/actions?status=pending&limit=100')]);

    console.log(
      `Approvals queue with ${PENDING} pending actions (${new Date().toISOString()}; load average ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    const page: number[] = [];
    let html = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const { ms, value } = await timed(() => get('/approvals'));
      if (value.status !== 200) throw new Error(`/approvals answered ${value.status}`);
      html = value.text.length;
      page.push(ms);
    }
    report('GET /approvals (server render, whole HTML)', page, `(${(html / 1024).toFixed(0)} KiB)`);

    const first: number[] = [];
    for (let i = 0; i < ROUNDS; i++) first.push((await timed(() => get('/api/actions?status=pending&limit=100'))).ms);
    report('GET /api/actions?status=pending&limit=100', first);

    const whole: number[] = [];
    let read = 0;
    for (let i = 0; i < Math.min(ROUNDS, 5); i++) {
      const { ms, value } = await timed(async () => {
        let cursor: string | null = null;
        let n = 0;
        do {
          const res = await get(`/api/actions?status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
          const json = JSON.parse(res.text) as { actions: unknown[]; nextCursor: string | null };
          n += json.actions.length;
          cursor = json.nextCursor;
        } while (cursor);
        return n;
      });
      read = value;
      whole.push(ms);
    }
    report(`the whole queue through the API (${Math.ceil(PENDING / 100)} pages of 100)`, whole, `(${read} actions read)`);
    if (read !== PENDING) throw new Error(`paging read ${read} of ${PENDING}`);

    const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies(
        cookie.split('; ').map((pair) => {
          const [name = '', ...rest] = pair.split('=');
          return { name, value: rest.join('='), url: base };
        }),
      );
      const tab = await context.newPage();
      const visible: number[] = [];
      const interactive: number[] = [];
      for (let i = 0; i < Math.min(ROUNDS, 8); i++) {
        const started = performance.now();
        await tab.goto(`${base}/approvals`, { waitUntil: 'commit' });
        await tab.getByTestId('pending-action').first().waitFor();
        visible.push(performance.now() - started);
        // Hydrated: React has attached to the cards (its fiber key on the element), so keys and clicks answer.
        await tab.waitForFunction(() => {
          const card = document.querySelector('[data-testid="pending-action"]');
          return card !== null && Object.keys(card).some((key) => key.startsWith('__reactFiber'));
        });
        interactive.push(performance.now() - started);
      }
      report('Chromium: /approvals to the first card visible', visible);
      report('Chromium: /approvals to the cards hydrated (keys answer)', interactive);
      console.log(`cards rendered: ${await tab.getByTestId('pending-action').count()}`);
    } finally {
      await browser.close();
    }
  } finally {
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((resolve) => server?.once('exit', resolve));
    }
    await db.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
