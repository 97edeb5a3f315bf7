// `npm run dev`: one command from clone to a dashboard with calls in it. Without DATABASE_URL it
// runs an embedded Postgres (PGlite, data in .data/pglite); it migrates, fills unset webhook
// secrets with the demo ones, starts `next dev`, seeds demo calls into an empty database
// through the real webhook endpoints, and calls the every-minute scheduled routes (dispatch,
// alerts) as Vercel Cron would.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { createDemoUsers, DEMO_PASSWORD, DEMO_USERS } from '../lib/auth/demo-users';
import { parseEnv } from '../lib/env';
import { applyMigrations } from '../prisma/migrate';
import { DEMO_SECRETS, secretSetting, seedDemo } from '../simulator/demo';
import { DEMO_WHATSAPP } from '../simulator/whatsapp';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

const DATA_DIR = '.data/pglite';
const SERVER_START_TIMEOUT_MS = 180_000;
const log = (message: string) => console.log(`[dev] ${message}`);

// Scripts own their child's environment, so they read these few dev-only settings directly.
const childEnv: NodeJS.ProcessEnv = { ...process.env };
let embedded: EmbeddedPostgres | undefined;
let next: ChildProcess | undefined;
let stopping = false;

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a TCP port, got "${raw}"`);
  return value;
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping || child.exitCode !== null || child.signalCode !== null) throw new Error('next dev exited before it answered');
    try {
      // Any HTTP answer means Next is serving; the first one waits for the route to compile.
      await fetch(url, { signal: AbortSignal.timeout(60_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`next dev did not answer ${url} within ${SERVER_START_TIMEOUT_MS / 1000}s`);
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function deliveriesExist(databaseUrl: string): Promise<boolean> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM delivery) AS found');
    return rows[0]?.found ?? false;
  });
}

async function main(): Promise<void> {
  const appPort = port('PORT', 3000);
  if (!childEnv.DATABASE_URL) {
    const pgPort = port('EMBEDDED_PG_PORT', 54329);
    embedded = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: pgPort, maxConnections: 100 }).catch((error: unknown) => {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      throw inUse ? new Error(`Port ${pgPort} is in use; set EMBEDDED_PG_PORT to another port, or DATABASE_URL to use your own Postgres.`) : error;
    });
    childEnv.DATABASE_URL = embedded.url;
    log(`embedded Postgres (PGlite) at ${embedded.url}, data in ${DATA_DIR}`);
  }

  // Demo secrets only fill gaps: a secret set in the environment always wins.
  const secrets: Record<keyof typeof DEMO_SECRETS, string> = { ...DEMO_SECRETS };
  for (const provider of Object.keys(secrets) as (keyof typeof DEMO_SECRETS)[]) {
    const key = secretSetting(provider);
    const configured = childEnv[key]?.split(',')[0]?.trim();
    if (configured) {
      secrets[provider] = configured;
    } else {
      childEnv[key] = DEMO_SECRETS[provider];
      log(`${key} is unset; using the demo secret`);
    }
  }

  // WhatsApp's webhook (app secret, handshake token) likewise; with the demo secret the demo's customers write back.
  if (!childEnv.WHATSAPP_APP_SECRET) {
    childEnv.WHATSAPP_APP_SECRET = DEMO_WHATSAPP.appSecret;
    log('WHATSAPP_APP_SECRET is unset; using the demo secret');
  }
  childEnv.WHATSAPP_VERIFY_TOKEN ||= DEMO_WHATSAPP.verifyToken;
  const demoWhatsapp = childEnv.WHATSAPP_APP_SECRET.split(',').some((s) => s.trim() === DEMO_WHATSAPP.appSecret);

  // Vercel Cron calls the scheduled routes in production; here dev calls them, so retries go out
  // and alerts open and resolve on a laptop too. A CRON_SECRET set in the environment wins.
  if (!childEnv.CRON_SECRET) {
    childEnv.CRON_SECRET = randomBytes(24).toString('hex');
    log('CRON_SECRET is unset; using a random one for this run');
  }
  const cronSecret = childEnv.CRON_SECRET;

  const env = parseEnv(childEnv, { requireDatabase: true }); // fail before anything slow starts
  const databaseUrl = env.DATABASE_URL ?? '';
  const { applied } = await applyMigrations(databaseUrl, { log });
  if (applied.length === 0) log('database schema is up to date');

  const wantDemo = embedded !== undefined || /^(true|1)$/i.test(process.env.DEMO_DATA ?? '');
  if (wantDemo && (await withClient(databaseUrl, createDemoUsers))) {
    log(`demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(', ')}`);
  }

  const nextBin = path.resolve('node_modules/.bin/next');
  const child = spawn(nextBin, ['dev', '--port', String(appPort)], { env: childEnv, stdio: 'inherit' });
  next = child;
  child.on('exit', (code, signal) => {
    if (!stopping) void shutdown(code ?? (signal ? 1 : 0), `next dev exited (${signal ?? `code ${code}`})`);
  });

  const baseUrl = `http://127.0.0.1:${appPort}`;
  await waitForServer(`${baseUrl}/api/health`, child);
  log(`ready at http://localhost:${appPort}`);
  scheduleCron(baseUrl, cronSecret);

  if (await deliveriesExist(databaseUrl)) return;
  if (!wantDemo) {
    log('database is empty; set DEMO_DATA=true to seed demo calls');
    return;
  }
  const whatsapp = demoWhatsapp ? { appSecret: DEMO_WHATSAPP.appSecret, phoneNumberId: childEnv.WHATSAPP_PHONE_NUMBER_ID || undefined } : undefined;
  const result = await seedDemo({ baseUrl, secrets, log, whatsapp });
  log(`demo data: ${result.calls} calls, ${result.deliveries} deliveries accepted in ${result.seconds} s`);
}

/** What vercel.json schedules every minute, called as Vercel Cron would (its bearer secret). */
const EVERY_MINUTE = ['/api/cron/dispatch', '/api/cron/alerts'];

function scheduleCron(baseUrl: string, secret: string): void {
  log(`calling ${EVERY_MINUTE.join(' and ')} every minute, as Vercel Cron does`);
  const tick = () => {
    for (const route of EVERY_MINUTE) {
      fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${secret}` } })
        .then((res) => {
          if (!res.ok) log(`${route} answered ${res.status}`);
        })
        .catch((error: unknown) => {
          if (!stopping) log(`${route} failed: ${error instanceof Error ? error.message : String(error)}`);
        });
    }
  };
  setInterval(tick, 60_000).unref();
}

async function shutdown(code: number, reason?: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (reason) log(reason);
  const child = next;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    // next dev normally exits at once; do not let a stuck child keep the database open forever.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  // Stopping PGlite cleanly is what keeps .data/pglite from needing recovery next time.
  await embedded?.stop().catch((error: unknown) => console.error('[dev] stopping embedded Postgres failed:', error));
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // Ctrl-C reaches next dev too (same process group); forwarding covers a plain `kill <pid>`.
  process.on(signal, () => void shutdown(0, `${signal} received, stopping`, signal));
}

main().catch((error: unknown) => {
  console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
