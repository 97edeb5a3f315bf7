import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import { reprocess } from '@/lib/ingest/reprocess';
import type { ReprocessResult } from '@/lib/ingest/reprocess-result';
import type { ReprocessScope } from '@/lib/ingest/reprocess-scope';

/**
 * Runs a reprocess as `actor` (admins) on a connection of its own: the run lock belongs to the
 * connection's session. A run that failed may leave that session dirty, so its connection is
 * discarded rather than returned to the pool.
 */
export async function reprocessAs(actor: Actor, scope: ReprocessScope, ip: string | null): Promise<ReprocessResult> {
  assertCan(actor, 'deliveries:reprocess');
  const client = await pool().connect();
  let failed = false;
  try {
    return await reprocess(client, scope, { actor: { id: actor.userId, email: actor.email }, ip });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.release(failed);
  }
}
