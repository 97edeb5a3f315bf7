// A fresh, empty database for one test run. With DATABASE_URL set, a new database is created
// beside the one it names (a developer's data is never touched and concurrent runs never meet);
// without it, an in-memory embedded Postgres. Callers migrate it and dispose of it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres';

// Runs killed before teardown leave their database behind; anything older than this is litter.
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** `serverUrl`: a real server to create the database beside; null for a fresh embedded one. */
export async function createTestDatabase(prefix: string, serverUrl: string | null | undefined = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    // PGlite runs one query at a time whatever the connection count; the cap only has to exceed
    // the sum of every client pool so no connection is refused.
    const embedded = await startEmbeddedPostgres({ maxConnections: 200 });
    return { url: embedded.url, dispose: () => embedded.stop() };
  }
  const name = `${prefix}${Date.now()}_${randomBytes(3).toString('hex')}`;
  await withAdmin(serverUrl, async (admin) => {
    await dropStale(admin, prefix);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: () =>
      withAdmin(serverUrl, async (admin) => {
        // pg's Pool.end() resolves once its clients are removed, before their sockets close: wait
        // (up to 5 s) for those backends to leave, so FORCE does not terminate a client still
        // ending (an unhandled 57P01 in the test process). FORCE then ends whatever a pool left open.
        for (let i = 0; i < 50; i++) {
          const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

async function dropStale(admin: pg.Client, prefix: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(prefix.length).split('_')[0]);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  }
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * The integration run's own database is created beside a real server's (its name starts with
 * callboard_it_); on the embedded Postgres there is one database and one session for everyone.
 */
export function onEmbeddedPostgres(sharedUrl: string): boolean {
  return !new URL(sharedUrl).pathname.startsWith('/callboard_it_');
}

/** A database no other test file touches: beside the real server, or a fresh embedded one. */
export function createIsolatedDatabase(prefix: string, sharedUrl: string): Promise<TestDatabase> {
  return createTestDatabase(prefix, onEmbeddedPostgres(sharedUrl) ? null : sharedUrl);
}
