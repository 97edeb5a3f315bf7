import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl, env } from '@/lib/env';

// One pool per process, shared by Prisma (through the pg adapter) and by the ingest path's
// hand-written SQL. Cached on globalThis so dev hot reloads do not leak connections.
const globalForDb = globalThis as unknown as { callboardPool?: Pool; callboardPrisma?: PrismaClient };

export function pool(): Pool {
  globalForDb.callboardPool ??= new Pool({
    connectionString: databaseUrl(),
    max: env().DATABASE_POOL_MAX,
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 5_000,
  });
  return globalForDb.callboardPool;
}

export function prisma(): PrismaClient {
  globalForDb.callboardPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.callboardPrisma;
}
