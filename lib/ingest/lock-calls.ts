import type { ClientBase } from 'pg';
import type { Statement } from './one-trip';

// Calls are the unit of locking: every writer of a call's events or row (ingest batches,
// reprocessing) first creates and row-locks its calls here, in one global key order, so two
// writers of the same call queue instead of deadlocking and a fold never misses an event.

export const callKey = (provider: string, providerCallId: string) => `${provider}\u0000${providerCallId}`;

/** Distinct (provider, provider_call_id) keys in the order lockCalls needs. */
export function sortCallKeys(keys: Iterable<[string, string]>): [string, string][] {
  const byKey = new Map<string, [string, string]>();
  for (const k of keys) byKey.set(callKey(k[0], k[1]), k);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, k]) => k);
}

/** The statement that creates missing calls and row-locks all of `keys` (see lockCalls). */
export function lockStatement(keys: [string, string][]): Statement {
  return {
    text: `WITH keys AS (SELECT * FROM unnest($1::text[], $2::text[]) AS k(provider, provider_call_id)),
       created AS (
         INSERT INTO call (provider, provider_call_id) SELECT provider, provider_call_id FROM keys
         ON CONFLICT (provider, provider_call_id) DO NOTHING
         RETURNING id, provider, provider_call_id
       ), existing AS (
         -- ANY() on both key columns lets the planner probe the unique index; a join with the
         -- unnest (always estimated at 100 rows) would scan the whole table instead.
         SELECT c.id, c.provider, c.provider_call_id FROM call c
         WHERE c.provider = ANY($1::text[]) AND c.provider_call_id = ANY($2::text[])
           AND (c.provider, c.provider_call_id) IN (SELECT provider, provider_call_id FROM keys)
         ORDER BY c.provider, c.provider_call_id FOR UPDATE OF c
       )
       SELECT * FROM created UNION ALL SELECT * FROM existing`,
    values: [keys.map((k) => k[0]), keys.map((k) => k[1])],
  };
}

type LockedRow = { id: string; provider: string; provider_call_id: string };

/**
 * Creates missing calls and row-locks all of them, in a fixed order so batches cannot deadlock.
 * Existing rows are locked with FOR UPDATE rather than touched by an upsert, so a call gets one
 * new row version per batch (the fold's), not two. `keys` must be distinct and sorted by
 * callKey (see sortCallKeys): inserts of new calls then also happen in one order everywhere.
 * Reprocessing (reprocess-chunk.ts) locks through this too, so it queues with ingest.
 */
export async function lockCalls(client: ClientBase, keys: [string, string][]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let attempt = 0; ids.size < keys.length; attempt++) {
    // A call another transaction created after this statement's snapshot is neither inserted
    // (it conflicts) nor seen (too new): the next round, with a fresh snapshot, locks it.
    if (attempt === 3) throw Object.assign(new Error('could not lock calls'), { code: '40001' });
    const { rows } = await client.query<LockedRow>(lockStatement(keys.filter(([p, c]) => !ids.has(callKey(p, c)))));
    for (const r of rows) ids.set(callKey(r.provider, r.provider_call_id), r.id);
  }
  return ids;
}
