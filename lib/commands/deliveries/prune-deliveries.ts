import 'server-only';
import { pool } from '@/lib/db';

/**
 * Deletes deliveries received before `before`, a batch at a time: each batch is its own short
 * statement, so a large backlog never holds locks for long, and it stops at `deadline` (the
 * next run carries on). Calls and events stay: delivery rows only point at them.
 */
export async function pruneDeliveries(opts: { before: Date; batchSize?: number; deadline?: Date }): Promise<{ deleted: number; done: boolean }> {
  const batchSize = opts.batchSize ?? 5000;
  let deleted = 0;
  for (;;) {
    const { rowCount } = await pool().query(
      `DELETE FROM delivery WHERE id IN (
         SELECT id FROM delivery WHERE received_at < $1 ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [opts.before, batchSize],
    );
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return { deleted, done: true };
    if (opts.deadline && Date.now() >= opts.deadline.getTime()) return { deleted, done: false };
  }
}
