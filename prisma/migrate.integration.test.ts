// Proves prisma/migrations builds exactly what prisma/schema.prisma describes, read through
// Prisma's own schema parser, and that the migrator is idempotent, tamper-proof and race-safe.
// Each test migrates its own fresh schema, so nothing here depends on the shared test database.
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Dmmf, describeDatabase, describePrismaSchema } from '@/test/setup/schema-description';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MigrationError, readMigrations } from './migrate';

const url = inject('databaseUrl');
const schemaFile = new URL('./schema.prisma', import.meta.url);

let admin: pg.Client;
const schemas: string[] = [];
const tempDirs: string[] = [];

async function freshSchema(): Promise<string> {
  const name = `migrate_test_${randomBytes(4).toString('hex')}`;
  schemas.push(name);
  await admin.query(`CREATE SCHEMA "${name}"`);
  return name;
}

/** A copy of the real migrations folder plus extra migrations, to exercise edge cases safely. */
async function migrationsDirWith(extra: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'callboard-migrations-'));
  tempDirs.push(dir);
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

const history = (schema: string) =>
  admin.query<{
    id: string;
    checksum: string;
    migration_name: string;
    finished_at: Date | null;
    logs: string | null;
    rolled_back_at: Date | null;
    applied_steps_count: number;
  }>(
    `SELECT id, checksum, migration_name, finished_at, logs, rolled_back_at, applied_steps_count FROM "${schema}"."_prisma_migrations" ORDER BY migration_name`,
  );

beforeAll(async () => {
  admin = new pg.Client({ connectionString: url });
  await admin.connect();
});

afterAll(async () => {
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('builds exactly the tables, columns, keys and indexes of prisma/schema.prisma', async () => {
    const schema = await freshSchema();
    const { applied } = await applyMigrations(url, { schema });
    expect(applied).toEqual((await readMigrations()).map((m) => m.name));

    const schemaText = await readFile(schemaFile, 'utf8');
    const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as Dmmf;
    expect(dmmf.datamodel.models.length).toBeGreaterThan(0);
    // A line-per-fact diff: a failure names the exact column, index or key that differs.
    expect(await describeDatabase(admin, schema)).toEqual(describePrismaSchema(dmmf, schemaText));
  });

  it('records each migration in _prisma_migrations as Prisma does', async () => {
    const schema = await freshSchema();
    await applyMigrations(url, { schema });
    const local = await readMigrations();
    const { rows } = await history(schema);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const file = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.checksum).toBe(local[i]?.checksum);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it('does nothing when everything is already applied', async () => {
    const schema = await freshSchema();
    await applyMigrations(url, { schema });
    const before = await history(schema);
    expect(await applyMigrations(url, { schema })).toEqual({ applied: [] });
    expect((await history(schema)).rows).toEqual(before.rows);
  });

  it('refuses a migration whose recorded checksum no longer matches its file', async () => {
    const schema = await freshSchema();
    await applyMigrations(url, { schema });
    const [first] = await readMigrations();
    await admin.query(`UPDATE "${schema}"."_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, ['0'.repeat(64), first?.name]);
    const dir = await migrationsDirWith({ '99990101000000_later': 'CREATE TABLE later (id int);' });

    const attempt = applyMigrations(url, { schema, dir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(new RegExp(`${first?.name}.*modified`));
    // Refused up front: the pending migration behind it must not have run.
    const { rows } = await admin.query('SELECT to_regclass($1) AS t', [`"${schema}".later`]);
    expect(rows[0]).toEqual({ t: null });
  });

  it('refuses an edited migration file but, like Prisma, tolerates changed line endings', async () => {
    const schema = await freshSchema();
    await applyMigrations(url, { schema });
    const [first] = await readMigrations();
    if (!first) throw new Error('no migrations');
    const dir = await migrationsDirWith({});
    const file = path.join(dir, first.name, 'migration.sql');

    await writeFile(file, first.sql.replace(/\n/g, '\r\n'));
    await expect(applyMigrations(url, { schema, dir })).resolves.toEqual({ applied: [] });
    await writeFile(file, `${first.sql}\n-- an innocent-looking edit\n`);
    await expect(applyMigrations(url, { schema, dir })).rejects.toThrow(/was modified after it was applied/);
  });

  it('rolls back and does not record a migration that fails', async () => {
    const schema = await freshSchema();
    const dir = await migrationsDirWith({ '99990101000000_broken': 'CREATE TABLE half_done (id int);\nSELECT 1 / 0;' });
    await expect(applyMigrations(url, { schema, dir })).rejects.toThrow(/99990101000000_broken.*division by zero/);
    const { rows } = await admin.query('SELECT to_regclass($1) AS t', [`"${schema}".half_done`]);
    expect(rows[0]).toEqual({ t: null });
    expect((await history(schema)).rows.map((r) => r.migration_name)).toEqual((await readMigrations()).map((m) => m.name));
  });

  it('applies each migration exactly once when two migrators race on an empty schema', async () => {
    const schema = await freshSchema();
    // Extra slow migrations widen the window in which an unlocked migrator would double-apply.
    const extra = Object.fromEntries([1, 2, 3].map((n) => [`9999010100000${n}_slow_${n}`, `SELECT pg_sleep(0.05);\nCREATE TABLE slow_${n} (id int);`]));
    const dir = await migrationsDirWith(extra);
    // allSettled, so a failing migrator cannot leave the other running into the next test.
    const results = await Promise.allSettled([applyMigrations(url, { schema, dir }), applyMigrations(url, { schema, dir })]);

    const everything = (await readMigrations(dir)).map((m) => m.name);
    const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.applied : [`rejected: ${String(r.reason)}`]));
    expect(applied.sort()).toEqual(everything);
    expect((await history(schema)).rows.map((r) => r.migration_name)).toEqual(everything);
  });

  it('has a schema comparison that notices drift', async () => {
    // Guards the guard: if describeDatabase ever went blind, the first test would pass vacuously.
    const schema = await freshSchema();
    await applyMigrations(url, { schema });
    // The generated search column turned into a plain one must show too: only the migration knows its expression.
    await admin.query(
      `ALTER TABLE "${schema}".call ADD COLUMN surprise text; DROP INDEX "${schema}".call_status_last_event_at_id_idx;
       ALTER TABLE "${schema}".call ALTER COLUMN search_vector DROP EXPRESSION`,
    );
    const schemaText = await readFile(schemaFile, 'utf8');
    const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as Dmmf;
    const actual = await describeDatabase(admin, schema);
    const expected = describePrismaSchema(dmmf, schemaText);
    expect(actual).toContain('column call.surprise text');
    expect(expected.filter((line) => !actual.includes(line))).toEqual([
      'column call.search_vector tsvector generated',
      'index call.call_status_last_event_at_id_idx (status, last_event_at DESC, id DESC)',
    ]);
  });
});
