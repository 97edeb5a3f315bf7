// npm run bench:approvals [-- --actions 100 --build --keep --headed]
// How fast a person can work the approvals queue by keyboard only. Starts `next start` on a fresh
// database, raises `--actions` pending actions through the signed webhook (one call in two has an
// order and a WhatsApp message, the rest one order each), signs in as an approver in Chromium and
// presses j once, then a for every action. Per decision it measures, inside the page, the time
// from the keydown event to the next action being current, focused and its Approve button enabled
// (for the last one: its receipt drawn), and afterwards checks in the database that every
// approval landed on the action that was current when its key was pressed, and nothing else.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { createUserRecord } from '../lib/auth/users-store';
import { signMirai } from '../lib/providers/mirai/simulate';
import { applyMigrations } from '../prisma/migrate';
import { DEMO_SECRETS } from '../simulator/demo';
import { createBenchDatabase } from './database';
import { ensureBuild, startServer } from './server';
import { percentile } from './stats';

const log = (m: string) => console.log(`[bench:approvals] ${m}`);
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const total = Number(arg('actions') ?? 100);
const GOAL_P95_MS = 100;
const PASSWORD = 'bench-password-1';
const chromiumPath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

function orderEvent(callId: string, n: number): string {
  return JSON.stringify({
    event: {
      type: 'action',
      data: {
        action: 'create_order',
        call: { id: callId },
        payload: {
          phone: `+9198${String(10_000_000 + n).padStart(8, '0')}`,
          lineItems: [{ variantId: '123', quantity: 1 }],
          shippingAddress: { firstName: 'Bench', lastName: `Customer ${n}`, address1: '12 MG Road', city: 'Pune', zip: '411001', country: 'IN' },
          paymentMode: 'cod',
          cartTotal: 150,
        },
      },
    },
  });
}

function messageEvent(callId: string, n: number): string {
  return JSON.stringify({
    event: {
      type: 'action',
      data: {
        action: 'send_whatsapp',
        call: { id: callId },
        reason: 'missing_first_name',
        payload: { number: `+9198${String(10_000_000 + n).padStart(8, '0')}` },
      },
    },
  });
}

async function raise(origin: string, count: number): Promise<void> {
  const bodies: string[] = [];
  for (let n = 0; bodies.length < count; n++) {
    const callId = `bench_${randomUUID().slice(0, 8)}`;
    bodies.push(orderEvent(callId, n));
    if (n % 2 === 0 && bodies.length < count) bodies.push(messageEvent(callId, n));
  }
  for (const body of bodies) {
    const res = await fetch(`${origin}/api/webhooks/mirai`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signMirai(body, DEMO_SECRETS.mirai) },
      body,
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    // Apart in time, so "oldest first" is one order.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Decision {
  intended: string;
  next: string | null;
  ms: number;
}

async function main(): Promise<void> {
  if (!chromiumPath) throw new Error('No Chromium found (set CHROMIUM_PATH)');
  await ensureBuild(args.includes('--build'), log);
  const db = await createBenchDatabase(process.env.DATABASE_URL, 20, log);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: !args.includes('--headed'),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  try {
    await applyMigrations(db.url);
    const email = `bench-approver-${Date.now()}@bench.local`;
    await createUserRecord(client, { email, role: 'approver', password: PASSWORD });
    server = await startServer({ databaseUrl: db.url, poolMax: 10, env: (port) => ({ BETTER_AUTH_URL: `http://127.0.0.1:${port}` }) });
    const origin = `http://127.0.0.1:${server.port}`;
    log(`raising ${total} pending actions`);
    await raise(origin, total);
    const { rows: pending } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM action WHERE status = 'pending'`);
    if (pending[0]?.n !== total) throw new Error(`expected ${total} pending actions, found ${pending[0]?.n}`);

    const context = await browser.newContext({ baseURL: origin, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const signIn = await page.request.post('/api/auth/sign-in/email', { data: { email, password: PASSWORD }, headers: { origin } });
    if (signIn.status() !== 200) throw new Error(`sign-in answered ${signIn.status()}`);
    await page.goto('/approvals');
    await page
      .locator('[data-testid="pending-action"]')
      .nth(total - 1)
      .waitFor();
    // Hydrated: the sort buttons answer clicks only then; wait until a key is heard.
    await page.waitForFunction(() => document.querySelector('[data-testid="bulk-bar"]') !== null);
    const order = await page.locator('[data-testid="pending-action"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action-id') ?? ''));
    await page.keyboard.press('j');
    await page.locator(`[data-action-id="${order[0]}"][aria-current="true"]`).waitFor();

    // In the page: from the keydown's time stamp to the moment `next` is current, focused and
    // its Approve button enabled (or, after the last one, the decided item's receipt is drawn).
    await page.evaluate(`window.addEventListener('keydown', (e) => { window.__keyAt = e.timeStamp; }, { capture: true })`);
    const decisions: Decision[] = [];
    for (let i = 0; i < order.length; i++) {
      const intended = await page.evaluate(
        () => document.querySelector('[data-testid="pending-action"][aria-current="true"]')?.getAttribute('data-action-id') ?? null,
      );
      if (!intended) throw new Error(`decision ${i + 1}: no action is current`);
      const next = order.slice(order.indexOf(intended) + 1)[0] ?? null;
      // A string, not a function: tsx's helpers (__name) do not exist in the page.
      const ready = page.evaluate<number>(`new Promise((resolve) => {
        const intended = ${JSON.stringify(intended)};
        const next = ${JSON.stringify(next)};
        const done = () => {
          if (!next) return document.querySelector('[data-decided-id="' + intended + '"]') !== null;
          const row = document.querySelector('[data-action-id="' + next + '"]');
          const approve = row ? row.querySelector('[data-decision-buttons] button') : null;
          return row !== null && row.getAttribute('aria-current') === 'true' && document.activeElement === row && approve !== null && !approve.disabled;
        };
        const observer = new MutationObserver(() => check());
        const check = () => {
          if (!done()) return;
          resolve(performance.now() - window.__keyAt);
          observer.disconnect();
          document.removeEventListener('focusin', check);
        };
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-current', 'disabled'] });
        document.addEventListener('focusin', check);
      })`);
      await page.keyboard.press('a');
      const ms = await ready;
      decisions.push({ intended, next, ms });
    }
    // Every receipt filled in by the server's answer.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="decided-action"] [data-testid="action-status"]').length >= n, order.length, {
      timeout: 120_000,
    });

    const { rows: decided } = await client.query<{ id: string; status: string }>(`SELECT id::text, status FROM action WHERE status <> 'pending'`);
    const intendedSet = new Set(decisions.map((d) => d.intended));
    const wrong = decided.filter((r) => !intendedSet.has(r.id)).length + decisions.filter((d) => !decided.some((r) => r.id === d.intended)).length;
    const notApproved = decided.filter((r) => r.status !== 'approved' && r.status !== 'dispatched').length;
    const skipped = order.length - intendedSet.size;

    const sorted = Float64Array.from(decisions.map((d) => d.ms)).sort();
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const max = sorted[sorted.length - 1] ?? 0;
    console.log('\n decision  ms');
    for (const [i, d] of decisions.entries()) console.log(`${String(i + 1).padStart(9)}  ${d.ms.toFixed(1)}`);
    console.log(`\n${decisions.length} decisions by keyboard: keypress → next action focused and ready`);
    console.log(`p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · max ${max.toFixed(1)} ms (goal: p95 under ${GOAL_P95_MS} ms)`);
    console.log(`wrong items: ${wrong} · actions skipped: ${skipped} · decided but not approved: ${notApproved}`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/approvals-latest.json',
      `${JSON.stringify({ finishedAt: new Date().toISOString(), actions: total, p50, p95, max, wrong, skipped, notApproved, decisions }, null, 2)}\n`,
    );
    if (wrong > 0 || skipped > 0 || notApproved > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    await server?.stop();
    await client.end();
    if (!args.includes('--keep')) await db.drop();
    else log(`kept ${db.url}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
