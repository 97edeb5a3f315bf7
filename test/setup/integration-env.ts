// Runs in every integration worker before its test file: points DATABASE_URL at the database
// test/setup/integration-db.ts created, before lib/env.ts reads and caches the environment.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.BETTER_AUTH_SECRET ??= 'integration-secret-integration-secret-0123';
