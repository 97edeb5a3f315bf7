import type { ClientBase } from 'pg';
import { callKey, lockCalls, sortCallKeys } from './lock-calls';
import { type RefoldCounts, refoldCalls } from './refold';

// Events whose deliveries all produce other keys now. Dropped at the end of a run, not per
// chunk: a later chunk may still file a delivery under the same key, and then the event keeps
// its id (and the actions and credit entries pointing at it).

export interface OrphanCounts {
  deleted: number;
  /** Kept because an action on them was decided: that decision is history we must not lose. */
  kept: number;
  calls: RefoldCounts;
}

/**
 * Deletes the candidates no delivery points at (their pending actions and credit entries go
 * with them, by cascade) and refolds the calls they leave. Runs inside the caller's transaction.
 */
export async function dropOrphans(client: ClientBase, candidates: string[]): Promise<OrphanCounts> {
  const none: OrphanCounts = { deleted: 0, kept: 0, calls: { updated: 0, removed: 0 } };
  if (candidates.length === 0) return none;
  const { rows: orphans } = await client.query<{ id: string; provider: string | null; provider_call_id: string | null }>(
    `SELECT e.id, c.provider, c.provider_call_id FROM call_event e LEFT JOIN call c ON c.id = e.call_id
     WHERE e.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.event_id = e.id)`,
    [candidates],
  );
  if (orphans.length === 0) return none;
  const keys = sortCallKeys(orphans.flatMap((o): [string, string][] => (o.provider && o.provider_call_id ? [[o.provider, o.provider_call_id]] : [])));
  const callIds = await lockCalls(client, keys);
  const { rows: deleted } = await client.query<{ id: string }>(
    `DELETE FROM call_event e WHERE e.id = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.event_id = e.id)
       AND NOT EXISTS (SELECT 1 FROM action a WHERE a.event_id = e.id AND a.status <> 'pending')
     RETURNING e.id`,
    [orphans.map((o) => o.id)],
  );
  const calls = await refoldCalls(client, new Map(keys.map(([provider, pcid]) => [callIds.get(callKey(provider, pcid))!, pcid])));
  return { deleted: deleted.length, kept: orphans.length - deleted.length, calls };
}
