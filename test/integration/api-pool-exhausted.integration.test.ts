import { describe, expect, it } from 'vitest';
import { GET as listCalls } from '@/app/api/calls/route';
import { pool } from '@/lib/db';
import { makeToken } from '@/test/auth';

// Every connection of the app's pool busy for longer than the pool waits: the pg driver
// gives up with "timeout exceeded when trying to connect", which Prisma passes through the
// adapter unwrapped. The client should hear 503 (try again), not 500.

process.env.DATABASE_POOL_MAX = '1';

describe('connection pool exhausted', () => {
  it('a JSON route answers 503 database_unavailable', async () => {
    const token = await makeToken('viewer');
    const held = await pool().connect();
    // Opening that one connection may take long on a busy machine (hence the suite's generous
    // wait); waiting for a second one, which can never come, need not.
    (pool().options as { connectionTimeoutMillis?: number }).connectionTimeoutMillis = 1_000;
    try {
      const res = await listCalls(new Request('http://localhost/api/calls', { headers: { authorization: `Bearer ${token}` } }));
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'database_unavailable', message: 'The database is unavailable; try again shortly' } });
    } finally {
      held.release();
    }
    // Once a connection is free again, the same request works.
    const again = await listCalls(new Request('http://localhost/api/calls?limit=1', { headers: { authorization: `Bearer ${token}` } }));
    expect(again.status).toBe(200);
  });
});
