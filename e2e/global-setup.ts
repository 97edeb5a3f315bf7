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
import { createTestDatabase } from '../test/setup/test-database';
import { ORDER_ENDPOINT_SECRET, startOrderEndpoint } from './order-endpoint';

const baseUrl = `http://127.0.0.1:${E2E_PORT}`;

function build(): void {
  // Always build: a stale .next would test yesterday's code. E2E_SKIP_BUILD=true when iterating.
  if (process.env.E2E_SKIP_BUILD === 'true') return;
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('next build failed');
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${baseUrl}/api/health did not answer within 60 s`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  build();
  const db = await createTestDatabase('callboard_e2e_');
  await applyMigrations(db.url);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await createDemoUsers(client).finally(() => client.end());
  // Orders go to a local stand-in (see order-endpoint.ts); WhatsApp stays unconfigured, so both
  // "sent" and "nothing was sent" are seen.
  const orderEndpoint = await startOrderEndpoint();
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
  const stop = async () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    await orderEndpoint.close();
    await db.dispose();
  };
  try {
    await waitForHealth(server);
    const seeded = await seedDemo({ baseUrl, secrets: DEMO_SECRETS });
    if (seeded.calls === 0) throw new Error('demo seeding stored no calls');
    process.env.E2E_DATABASE_URL = db.url;
    process.env.E2E_BASE_URL = baseUrl;
    process.env.E2E_ORDER_ENDPOINT = orderEndpoint.origin;
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
