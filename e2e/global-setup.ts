// Playwright global setup: build the app, give it a fresh migrated database, start `next start`
// (orders dispatched to a local stand-in), and fill it with demo calls sent through the real,
// signed webhook endpoints.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDemoUsers } from '../lib/auth/demo-users';
import { E2E_PORT } from '../playwright.config';
import { applyMigrations } from '../prisma/migrate';
import { DEMO_SECRETS, demoSecretSettings, seedDemo } from '../simulator/demo';
import { whatsappCloudFake } from '../test/fake-destinations';
import { createTestDatabase } from '../test/setup/test-database';
import { ORDER_ENDPOINT_SECRET, startOrderEndpoint } from './order-endpoint';
import { E2E_WA_PORT, WA_ACCESS_TOKEN, WA_APP_SECRET, WA_PHONE_NUMBER_ID, WA_TEMPLATE, WA_VERIFY_TOKEN } from './whatsapp-settings';

const baseUrl = `http://127.0.0.1:${E2E_PORT}`;
const waBaseUrl = `http://127.0.0.1:${E2E_WA_PORT}`;

function build(): void {
  // Always build: a stale .next would test yesterday's code. E2E_SKIP_BUILD=true when iterating.
  if (process.env.E2E_SKIP_BUILD === 'true') return;
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('next build failed');
}

async function waitForHealth(server: ChildProcess, origin = baseUrl): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin}/api/health did not answer within 60 s`);
}

/** The same build, once more, as a team with WhatsApp set up (e2e/whatsapp.spec.ts): its own database, so its queue is its own. */
async function startWhatsappServer(graphOrigin: string): Promise<{ server: ChildProcess; db: Awaited<ReturnType<typeof createTestDatabase>> }> {
  const db = await createTestDatabase('callboard_e2e_wa_');
  await applyMigrations(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await createDemoUsers(client).finally(() => client.end());
  const server = spawn('node_modules/.bin/next', ['start', '-p', String(E2E_WA_PORT), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      ...demoSecretSettings(),
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
      BETTER_AUTH_URL: waBaseUrl,
      CRON_SECRET: 'e2e-cron-secret-0123456789',
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
      DATABASE_CONNECT_TIMEOUT_MS: '60000',
      // The Cloud API is a local fake (test/fake-destinations.ts whatsappCloudFake): it answers
      // each message with a wamid; Meta's webhooks are posted by the spec, signed with the app secret.
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_NUMBER_ID,
      WHATSAPP_ACCESS_TOKEN: WA_ACCESS_TOKEN,
      WHATSAPP_GRAPH_BASE_URL: graphOrigin,
      WHATSAPP_TEMPLATES: WA_TEMPLATE,
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: WA_VERIFY_TOKEN,
      DISPATCH_ALLOW_INSECURE_HOSTS: '127.0.0.1',
      // The undo window only delays the send here; its own specs run on the main server.
      APPROVAL_UNDO_SECONDS: '2',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  return { server, db };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  build();
  const db = await createTestDatabase('callboard_e2e_');
  await applyMigrations(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await createDemoUsers(client).finally(() => client.end());
  // Orders go to a local stand-in (see order-endpoint.ts); WhatsApp stays unconfigured on this
  // server, so both "sent" and "nothing was sent" are seen. A second server (startWhatsappServer)
  // has WhatsApp set up against a fake Cloud API.
  const orderEndpoint = await startOrderEndpoint();
  const graph = await whatsappCloudFake(WA_ACCESS_TOKEN);
  const wa = await startWhatsappServer(graph.origin);
  const server = spawn('node_modules/.bin/next', ['start', '-p', String(E2E_PORT), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      ...demoSecretSettings(),
      BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
      BETTER_AUTH_URL: baseUrl,
      CRON_SECRET: 'e2e-cron-secret-0123456789',
      // Every spec signs in from 127.0.0.1; the limit itself is covered by an integration test.
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
      // A busy 2-core machine can take longer than production's 5 s to open a connection.
      DATABASE_CONNECT_TIMEOUT_MS: '60000',
      ORDER_WEBHOOK_URL: `${orderEndpoint.origin}/orders`,
      ORDER_WEBHOOK_SECRET: ORDER_ENDPOINT_SECRET,
      // Test-only: the stand-in speaks plain http on loopback.
      DISPATCH_ALLOW_INSECURE_HOSTS: '127.0.0.1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const stopOne = async (child: ChildProcess) => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  };
  const stop = async () => {
    await Promise.all([stopOne(server), stopOne(wa.server)]);
    await orderEndpoint.close();
    await graph.close();
    await Promise.all([db.dispose(), wa.db.dispose()]);
  };
  try {
    await Promise.all([waitForHealth(server), waitForHealth(wa.server, waBaseUrl)]);
    const seeded = await seedDemo({ baseUrl, secrets: DEMO_SECRETS });
    if (seeded.calls === 0) throw new Error('demo seeding stored no calls');
    process.env.E2E_DATABASE_URL = db.url;
    process.env.E2E_BASE_URL = baseUrl;
    process.env.E2E_ORDER_ENDPOINT = orderEndpoint.origin;
    process.env.E2E_WA_BASE_URL = waBaseUrl;
    process.env.E2E_WA_DATABASE_URL = wa.db.url;
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
