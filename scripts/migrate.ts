// `npm run db:migrate`: applies pending prisma/migrations to DIRECT_URL, else DATABASE_URL (see prisma/migrate.ts
// for why this is not `prisma migrate deploy`).

import { databaseUrl, env } from '../lib/env';
import { applyMigrations } from '../prisma/migrate';

try {
  // Migrations hold an advisory lock across statements: a transaction pooler (the pooled URL
  // serverless apps use) would hand them to different connections, so the direct URL wins.
  const url = env().DIRECT_URL ?? databaseUrl();
  const { applied } = await applyMigrations(url, { log: (message) => console.log(message) });
  console.log(applied.length === 0 ? 'Database is up to date; no migrations applied.' : `Applied ${applied.length} migration(s).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
