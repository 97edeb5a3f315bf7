import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, type PoolClient } from 'pg';
import { databaseUrl, env } from '@/lib/env';
import { PrismaClient } from '@/lib/generated/prisma/client';

// One pool per process for Prisma (through the pg adapter) and the hand-written SQL of the read
// models, plus the webhook batches' small pipelined pool. Cached on globalThis so dev hot
// reloads do not leak connections.
const globalForDb = globalThis as unknown as { callboardPool?: Pool; callboardIngestPool?: Pool; callboardPrisma?: PrismaClient };

/**
 * An idle connection the server drops (a restart, a pooler recycling it) makes the pool emit
 * 'error'; unheard, that event would end the process. The pool discards that client by itself.
 */
function logIdleErrors(pool: Pool, name: string): Pool {
  pool.on('error', (error) => console.error(`[db] idle connection of the ${name} pool lost: ${error.message}`));
  return pool;
}

export function pool(): Pool {
  globalForDb.callboardPool ??= logIdleErrors(
    new Pool({
      connectionString: databaseUrl(),
      max: env().DATABASE_POOL_MAX,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: env().DATABASE_CONNECT_TIMEOUT_MS,
    }),
    'main',
  );
  return globalForDb.callboardPool;
}

/**
 * The webhook batches' own connections, in pipeline mode: a batch sends the consecutive statements
 * of its transaction in one round trip (lib/ingest/one-trip.ts). Kept apart from `pool()` so
 * Prisma and every other caller keep node-postgres' ordinary one-at-a-time behaviour. `size` is
 * the number of batches in flight; each holds one connection. Each pipeline lies inside one
 * transaction (BEGIN first, COMMIT last), so a transaction-mode pooler (PgBouncer, Supavisor)
 * keeps one server connection under it throughout; INGEST_PIPELINE=false turns it off.
 */
export function ingestPool(size: number): Pool {
  globalForDb.callboardIngestPool ??= logIdleErrors(
    new Pool({
      connectionString: databaseUrl(),
      max: size,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: env().DATABASE_CONNECT_TIMEOUT_MS,
      pipeline: env().INGEST_PIPELINE,
    }),
    'ingest',
  );
  return globalForDb.callboardIngestPool;
}

/** Closes every pool this process opened (scripts and tests that end before the process does). */
export async function closePools(): Promise<void> {
  const pools = [globalForDb.callboardPool, globalForDb.callboardIngestPool];
  globalForDb.callboardPool = undefined;
  globalForDb.callboardIngestPool = undefined;
  globalForDb.callboardPrisma = undefined;
  await Promise.all(pools.map((p) => p?.end()));
}

export function prisma(): PrismaClient {
  globalForDb.callboardPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.callboardPrisma;
}

/** What a json or jsonb column reads as (node-postgres parses it). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a statement needs: a pool, a pooled client or a transaction. Declared once, here. */
export type Queryable = Pick<PoolClient, 'query'>;

/** A transaction's client, plus somewhere to put what must happen only once it has committed. */
export interface Tx extends Queryable {
  /**
   * Runs `effect` after COMMIT, never after a rollback: side effects (drain the outbox, send a
   * message) belong to the operation that causes them, not to each of its callers. An effect
   * that throws is logged; the committed change stands.
   */
  afterCommit(effect: () => void | Promise<void>): void;
}

/**
 * The one way to run a transaction: BEGIN/COMMIT on one pooled client, so a change, its audit
 * row and its outbox row commit together or not at all; then the after-commit effects, in order.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  const effects: Array<() => void | Promise<void>> = [];
  let broken = false;
  let result: T;
  try {
    await client.query('BEGIN');
    result = await work({ query: client.query.bind(client) as PoolClient['query'], afterCommit: (effect) => void effects.push(effect) });
    await client.query('COMMIT');
  } catch (error) {
    // A client that cannot even roll back is discarded rather than returned to the pool.
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      console.error('[db] an after-commit effect failed; the change itself is committed', error);
    }
  }
  return result;
}
