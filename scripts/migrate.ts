// `npm run db:migrate`: applies pending prisma/migrations to DATABASE_URL (see lib/migrate.ts
// for why this is not `prisma migrate deploy`).
import { applyMigrations } from '../lib/migrate';
import { databaseUrl } from '../lib/env';

try {
  const url = databaseUrl();
  const { applied } = await applyMigrations(url, { log: (message) => console.log(message) });
  console.log(applied.length === 0 ? 'Database is up to date; no migrations applied.' : `Applied ${applied.length} migration(s).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
