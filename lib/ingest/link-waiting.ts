import type { ClientBase } from 'pg';
import type { Statement } from './one-trip';
import type { FoldEvent } from './types';

// Call-less events (a Mirai v1 action without `call.id`) are linked by the metadata they echo.
// One that arrives after its call joins it at once (store-batch.ts looks the call up); one that
// arrives first waits, call-less, until a call whose metadata contains it shows up. This is
// that second half: when a call is new or its metadata changed, the waiting events it now
// matches move to it (event, action, deliveries, credit entry), in the caller's transaction.
//
// Waiting events sit in a partial hash index on their link metadata (migration
// 20261205090000_waiting_events), and a waiting event matches a call when its metadata is a
// subset of the call's. So the call probes the index with each subset of its own metadata: exact
// lookups, a handful for the usual 2-4 keys, and nothing found when none wait. (Probing by single
// entries through a GIN index was tried: one common entry, a campaign name, matched every waiting
// event and made the probe a scan; see lib/ingest/link-waiting.test.ts for the subsets.)

/** Up to this many keys every subset is probed (2^8 - 1 = 255 lookups at most). */
export const MAX_SUBSET_KEYS = 8;

/**
 * The metadata objects a waiting event may echo for it to be contained in `metadata`. Past
 * MAX_SUBSET_KEYS keys: the whole, the whole less one key, and each key alone (a provider echoes
 * what the call was started with, which is the whole or close to it).
 */
export function metadataSubsets(metadata: Record<string, unknown>): Record<string, unknown>[] {
  const entries = Object.entries(metadata);
  const n = entries.length;
  if (n === 0) return [];
  const pick = (mask: (i: number) => boolean) => Object.fromEntries(entries.filter((_, i) => mask(i)));
  if (n <= MAX_SUBSET_KEYS) {
    const out: Record<string, unknown>[] = [];
    for (let bits = 1; bits < 1 << n; bits++) out.push(pick((i) => (bits & (1 << i)) !== 0));
    return out;
  }
  return [metadata, ...entries.map((_, skip) => pick((i) => i !== skip)), ...entries.map((_, only) => pick((i) => i === only))];
}

export interface LinkCandidate {
  callId: string;
  provider: string;
  providerCallId: string;
  metadata: Record<string, unknown>;
  /** Among several candidates a waiting event echoes, the newest wins, as on arrival. */
  lastEventAt: string;
}

export interface LinkedEvent {
  id: string;
  call_id: string;
  dedupe_key: string;
  type: string;
  occurred_at: Date | null;
  received_at: Date;
  facts: FoldEvent['facts'];
  deliveries: number;
  actions: number;
  credits: number;
}

/** The candidates with metadata worth looking up: an empty metadata can match nothing. */
export function linkStatement(candidates: LinkCandidate[]): Statement | null {
  const worth = candidates.filter((c) => Object.keys(c.metadata).length > 0).map((c) => ({ ...c, subsets: metadataSubsets(c.metadata) }));
  if (worth.length === 0) return null;
  return {
    // The predicate repeats the index's WHERE clause so the planner can use it.
    text: `WITH c AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t("callId" uuid, provider text, "providerCallId" text, "lastEventAt" timestamptz, subsets jsonb)
     ), matched AS (
       SELECT DISTINCT ON (e.id) e.id, c."callId", c."providerCallId"
       FROM c CROSS JOIN LATERAL (
         SELECT e.id FROM call_event e
         WHERE e.normalized->'linkMetadata' = ANY(ARRAY(SELECT jsonb_array_elements(c.subsets)))
           AND e.call_id IS NULL AND e.normalized ? 'linkMetadata' AND (e.normalized->>'providerCallId') IS NULL
           AND e.provider = c.provider
       ) e
       ORDER BY e.id, c."lastEventAt" DESC, c."callId"
     ), locked AS (
       -- In id order, so two batches linking the same waiting events queue instead of deadlocking;
       -- call_id IS NULL again under the lock: a concurrent batch may have linked one first.
       SELECT e.id FROM call_event e WHERE e.id IN (SELECT id FROM matched) AND e.call_id IS NULL ORDER BY e.id FOR UPDATE
     ), ev AS (
       UPDATE call_event e SET call_id = m."callId", provider_call_id = m."providerCallId"
       FROM matched m WHERE e.id = m.id AND e.id IN (SELECT id FROM locked)
       RETURNING e.id, e.call_id, e.provider_call_id, e.dedupe_key, e.type, e.occurred_at, e.received_at, e.normalized->'facts' AS facts
     ), a AS (
       UPDATE action t SET call_id = ev.call_id, provider_call_id = ev.provider_call_id, updated_at = now()
       FROM ev WHERE t.event_id = ev.id RETURNING t.event_id
     ), d AS (
       UPDATE delivery t SET call_id = ev.call_id FROM ev WHERE t.event_id = ev.id RETURNING t.event_id
     ), cr AS (
       UPDATE credit_entry t SET call_id = ev.call_id FROM ev WHERE t.event_id = ev.id RETURNING t.event_id
     )
     SELECT ev.id, ev.call_id, ev.dedupe_key, ev.type, ev.occurred_at, ev.received_at, ev.facts,
       (SELECT count(*)::int FROM d WHERE d.event_id = ev.id) AS deliveries,
       (SELECT count(*)::int FROM a WHERE a.event_id = ev.id) AS actions,
       (SELECT count(*)::int FROM cr WHERE cr.event_id = ev.id) AS credits
     FROM ev`,
    values: [JSON.stringify(worth.map(({ metadata: _m, ...rest }) => rest))],
  };
}

/** Moves the waiting events `candidates` now match to them; returns what moved. */
export async function linkWaiting(client: ClientBase, candidates: LinkCandidate[]): Promise<LinkedEvent[]> {
  const statement = linkStatement(candidates);
  if (!statement) return [];
  return (await client.query<LinkedEvent>(statement.text, statement.values)).rows;
}

export const linkedFoldEvent = (r: LinkedEvent): FoldEvent => ({
  dedupeKey: r.dedupe_key,
  type: r.type,
  occurredAt: r.occurred_at?.toISOString() ?? null,
  receivedAt: r.received_at.toISOString(),
  facts: r.facts ?? {},
});
