import 'server-only';
import type { PoolClient } from 'pg';
import { pool } from '@/lib/db';

/**
 * Runs `work` inside BEGIN/COMMIT on one pooled client, so a change and its audit row commit
 * together or not at all. Plain pg because the audit writer and createUserRecord speak pg.
 */
export async function withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A client that cannot even roll back is discarded rather than returned to the pool.
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
