import pg from 'pg';
import { applyMigrations } from '../prisma/migrate';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres';

// Every run gets a database of its own, migrated from empty, so the correctness counts cover
// exactly what this run sent and nothing of the developer's data is touched.

export interface BenchDatabase {
  url: string;
  kind: 'postgres' | 'pglite';
  /** `SELECT version()`. */
  version: string;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function version(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ version: string }>('SELECT version()')).rows[0]?.version ?? 'unknown');
}

/** A fresh database beside DATABASE_URL, or an in-memory PGlite when there is none. */
export async function createBenchDatabase(baseUrl: string | undefined, maxConnections: number, log: (m: string) => void): Promise<BenchDatabase> {
  if (!baseUrl) {
    const embedded = await startEmbeddedPostgres({ maxConnections });
    log('!'.repeat(78));
    log('! DATABASE_URL is unset: running on embedded PGlite, a single-session Postgres');
    log('! in WebAssembly inside this process. Its figures are NOT representative of a');
    log('! real Postgres; set DATABASE_URL=postgres://... for numbers worth comparing.');
    log('!'.repeat(78));
    await applyMigrations(embedded.url);
    return { url: embedded.url, kind: 'pglite', version: await version(embedded.url), drop: () => embedded.stop() };
  }

  const name = `callboard_bench_${Date.now()}`;
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await withClient(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  log(`database ${name} created beside ${new URL(baseUrl).pathname.slice(1) || '(default)'}`);
  // One drop shared by every caller, so a second caller waits for it instead of exiting early.
  let dropping: Promise<void> | undefined;
  const drop = () => {
    dropping ??= (async () => {
      // FORCE ends sessions a killed server may have left behind (PostgreSQL 13+).
      await withClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      log(`database ${name} dropped`);
    })();
    return dropping;
  };
  try {
    await applyMigrations(url.toString());
    return { url: url.toString(), kind: 'postgres', version: await version(url.toString()), drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}
