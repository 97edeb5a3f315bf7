// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy` does, without Prisma's
// native schema engine (which this workplace cannot download). The bookkeeping is Prisma's own
// `_prisma_migrations` table, so the real CLI can take over a database this has migrated.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The key Prisma's schema engine locks, so this and `prisma migrate deploy` never interleave. */
export const MIGRATION_LOCK_KEY = 72707369;

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

// Prisma's DDL for its bookkeeping table, column for column.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  /** Folder holding one sub-folder per migration; defaults to prisma/migrations. */
  dir?: string;
  /** Migrate this schema (created if missing) instead of the connection's search_path. */
  schema?: string;
  log?: (message: string) => void;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
  /** Checksums of the same script with other line endings, which Prisma also accepts. */
  accepted: Set<string>;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export async function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, 'migration.sql')).catch(() => {
        throw new MigrationError(name, `Migration folder \`${name}\` has no migration.sql`);
      });
      const text = bytes.toString('utf8');
      const lf = text.replace(/\r\n/g, '\n');
      const checksum = sha256(bytes);
      return { name, sql: text, checksum, accepted: new Set([checksum, sha256(lf), sha256(lf.replace(/\n/g, '\r\n'))]) };
    }),
  );
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Applies every migration not yet recorded, in name order, each in its own transaction.
 * Each transaction holds a transaction-scoped advisory lock, so concurrent migrators queue
 * up and the later ones find the work done. (On PGlite every connection shares one session,
 * where advisory locks never conflict; there the socket server's rule that a transaction
 * runs alone gives the same exclusion.) Session-level settings are avoided for the same
 * reason: `SET LOCAL` keeps the schema choice from leaking into other PGlite connections.
 */
export async function applyMigrations(target: string | pg.ClientBase, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(opts.dir);
  const log = opts.log ?? (() => {});
  let owned: pg.Client | undefined;
  let client: pg.ClientBase;
  if (typeof target === 'string') {
    owned = new pg.Client({ connectionString: target });
    client = owned;
    await owned.connect();
  } else {
    client = target;
  }

  const inLockedTransaction = async <T>(work: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      if (opts.schema) await client.query(`SET LOCAL search_path TO ${quoteIdent(opts.schema)}`);
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [MIGRATION_LOCK_KEY]);
      if (!rows[0]?.locked) {
        log('Waiting for another migrator to finish...');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      }
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  };

  const recorded = async (): Promise<Map<string, AppliedRow>> => {
    // Rolled-back rows are history, not state: Prisma re-applies such a migration.
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at',
    );
    return new Map(rows.map((row) => [row.migration_name, row]));
  };

  try {
    const before = await inLockedTransaction(async () => {
      if (opts.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
      await client.query(CREATE_MIGRATIONS_TABLE);
      return recorded();
    });
    // Refuse before touching anything, as Prisma does, if history and files disagree.
    for (const migration of migrations) assertConsistent(migration, before.get(migration.name));
    const local = new Set(migrations.map((m) => m.name));
    for (const name of before.keys()) {
      if (!local.has(name)) log(`Warning: migration \`${name}\` is recorded in the database but missing from ${opts.dir ?? 'prisma/migrations'}`);
    }

    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !before.has(m.name))) {
      const didApply = await inLockedTransaction(async () => {
        // Another migrator may have applied it while we waited for the lock.
        const row = (await recorded()).get(migration.name);
        if (row) {
          assertConsistent(migration, row);
          return false;
        }
        try {
          await client.query(migration.sql);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new MigrationError(migration.name, `Migration \`${migration.name}\` failed and was rolled back: ${reason}`);
        }
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        return true;
      });
      if (didApply) {
        applied.push(migration.name);
        log(`Applied ${migration.name}`);
      }
    }
    return { applied };
  } finally {
    await owned?.end();
  }
}

function assertConsistent(migration: LocalMigration, row: AppliedRow | undefined): void {
  if (!row) return;
  if (row.finished_at === null) {
    throw new MigrationError(
      migration.name,
      `Migration \`${migration.name}\` started but never finished (a failed \`prisma migrate deploy\`?). ` +
        'Check the database, then mark the row rolled back: UPDATE "_prisma_migrations" SET rolled_back_at = now() ' +
        `WHERE migration_name = '${migration.name}' AND finished_at IS NULL`,
    );
  }
  if (!migration.accepted.has(row.checksum)) {
    throw new MigrationError(
      migration.name,
      `Migration \`${migration.name}\` was modified after it was applied (database checksum ${row.checksum.slice(0, 12)}..., ` +
        `file ${migration.checksum.slice(0, 12)}...). Restore the file and put the change in a new migration.`,
    );
  }
}
