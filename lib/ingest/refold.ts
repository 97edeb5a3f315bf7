import type { ClientBase } from 'pg';
import { CALL_CHANGED, CALL_RECORD, CALL_SET } from './call-columns';
import { foldCall } from './fold';
import { foldOptions } from './fold-options';
import type { FoldEvent } from './types';

// Rebuilds call rows from all their events, for reprocessing. The caller holds the calls'
// row locks (lockCalls), so no ingest batch adds an event between the read and the write.

interface EventRow {
  call_id: string;
  provider: string;
  dedupe_key: string;
  type: string;
  occurred_at: Date | null;
  received_at: Date;
  facts: FoldEvent['facts'];
}

export interface RefoldCounts {
  updated: number;
  removed: number;
  /** The calls whose row was rewritten (`updated` of them). */
  updatedIds?: string[];
}

/**
 * Folds every call in `calls` (id → provider call id) from its events, exactly as ingest reads
 * them, and writes only the rows whose projection changed, so a rerun leaves them (and their
 * updated_at) alone. A call left with no events (they all moved to other calls) would not
 * exist had its deliveries arrived with this code, so it is removed.
 */
export async function refoldCalls(client: ClientBase, calls: Map<string, string>): Promise<RefoldCounts> {
  if (calls.size === 0) return { updated: 0, removed: 0, updatedIds: [] };
  const ids = [...calls.keys()];
  const { rows } = await client.query<EventRow>(
    `SELECT call_id, provider, dedupe_key, type, occurred_at, received_at, normalized->'facts' AS facts
     FROM call_event WHERE call_id = ANY($1::uuid[])`,
    [ids],
  );
  const byCall = new Map<string, FoldEvent[]>();
  const providerOf = new Map<string, string>();
  for (const r of rows) {
    const list = byCall.get(r.call_id) ?? [];
    providerOf.set(r.call_id, r.provider);
    list.push({
      dedupeKey: r.dedupe_key,
      type: r.type,
      occurredAt: r.occurred_at?.toISOString() ?? null,
      receivedAt: r.received_at.toISOString(),
      facts: r.facts,
    });
    byCall.set(r.call_id, list);
  }
  const projections = [...byCall].map(([id, events]) => ({ id, ...foldCall(providerOf.get(id) ?? '', calls.get(id) ?? '', events, foldOptions()) }));
  const empty = ids.filter((id) => !byCall.has(id));
  const { rows: written } = await client.query<{ kind: 'updated' | 'removed'; id: string }>(
    `WITH updated AS (
       UPDATE call c SET ${CALL_SET}, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(${CALL_RECORD})
       WHERE c.id = ANY($2::uuid[]) AND c.id = x.id AND ${CALL_CHANGED}
       RETURNING c.id
     ), removed AS (
       DELETE FROM call c WHERE c.id = ANY($3::uuid[]) AND NOT EXISTS (SELECT 1 FROM call_event e WHERE e.call_id = c.id)
       RETURNING c.id
     )
     SELECT 'updated' AS kind, id FROM updated UNION ALL SELECT 'removed', id FROM removed`,
    [JSON.stringify(projections), projections.map((p) => p.id), empty],
  );
  const updatedIds = written.filter((w) => w.kind === 'updated').map((w) => w.id);
  return { updated: updatedIds.length, removed: written.filter((w) => w.kind === 'removed').length, updatedIds };
}
