// Runs in every integration worker before its test file: points DATABASE_URL at the database
// test/setup/integration-db.ts created, before lib/env.ts reads and caches the environment.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.BETTER_AUTH_SECRET ??= 'integration-secret-integration-secret-0123';
// Files run side by side (the fuzz suite among them) on a shared 2-core machine: a connection can
// take longer than production's 5 s to open, which is a slow machine, not a database that is down.
process.env.DATABASE_CONNECT_TIMEOUT_MS ??= '60000';
// Decisions are sent right away unless a test asks for an undo window (test/integration/undo.*
// sets its own): the dispatch suites are about sending, not about waiting for the window.
process.env.APPROVAL_UNDO_SECONDS ??= '0';
