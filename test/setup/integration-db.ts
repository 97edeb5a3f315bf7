// Vitest global setup for the integration project: one fresh, migrated database per run (see
// test-database.ts), shared by every integration file, dropped at the end.
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../../prisma/migrate';
import { createTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await createTestDatabase('callboard_it_');
  try {
    await applyMigrations(db.url);
  } catch (error) {
    await db.dispose();
    throw error;
  }
  // Workers are forked after global setup and copy process.env; provide() is the documented
  // channel, and integration-env.ts applies it, so neither path alone is relied on.
  process.env.DATABASE_URL = db.url;
  project.provide('databaseUrl', db.url);
  return () => db.dispose();
}
