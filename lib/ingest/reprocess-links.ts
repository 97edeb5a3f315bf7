import type { ClientBase } from 'pg';

// Reprocessing's writes to deliveries and duplicate counts. Each statement writes only the rows
// whose value changes, so a second run writes nothing.

export interface Relink {
  id: string;
  event_id: string;
  call_id: string | null;
  event_type: string;
  /** What storing its bytes changed now (storable.ts), or null. */
  warnings: { field: string; change: string }[] | null;
}

/** Points deliveries at the events and calls their bytes produce now. Returns the ids changed. */
export async function relinkDeliveries(client: ClientBase, links: Relink[]): Promise<string[]> {
  if (links.length === 0) return [];
  const { rows } = await client.query<{ id: string }>(
    `UPDATE delivery d SET event_id = x.event_id, call_id = x.call_id, event_type = x.event_type, warnings = x.warnings
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, event_id uuid, call_id uuid, event_type text, warnings jsonb)
     WHERE d.id = ANY($2::uuid[]) AND d.id = x.id
       AND (d.event_id, d.call_id, d.event_type, d.warnings) IS DISTINCT FROM (x.event_id, x.call_id, x.event_type, x.warnings)
     RETURNING d.id`,
    [JSON.stringify(links), links.map((l) => l.id)],
  );
  return rows.map((r) => r.id);
}

export interface Settled {
  /** event id → its first delivery (the one that counts as stored). Events with no delivery are absent. */
  first: Map<string, string>;
  deliveriesChanged: string[];
  eventsChanged: string[];
}

/**
 * Replays arrival order over every delivery of `eventIds`: the first by received_at is stored,
 * the rest are duplicates, and the event's duplicate_count is their number. Equal times keep
 * the delivery already stored, so a rerun never swaps them. Reads the delivery table, not the
 * chunk, so deliveries outside it (earlier chunks, ingest meanwhile) count too.
 */
export async function settleDuplicates(client: ClientBase, eventIds: string[]): Promise<Settled> {
  const { rows } = await client.query<{ kind: 'first' | 'delivery' | 'event'; event_id: string | null; delivery_id: string | null }>(
    `WITH ranked AS (
       SELECT d.id, d.event_id, count(*) OVER (PARTITION BY d.event_id) AS n,
         row_number() OVER (PARTITION BY d.event_id ORDER BY d.received_at, (d.outcome = 'stored') DESC, d.id) AS rn
       FROM delivery d WHERE d.event_id = ANY($1::uuid[])
     ), outcomes AS (
       UPDATE delivery d SET outcome = CASE WHEN r.rn = 1 THEN 'stored' ELSE 'duplicate' END
       FROM ranked r WHERE d.id = r.id AND d.outcome IS DISTINCT FROM CASE WHEN r.rn = 1 THEN 'stored' ELSE 'duplicate' END
       RETURNING d.id
     ), counts AS (
       UPDATE call_event e SET duplicate_count = r.n - 1
       FROM ranked r WHERE r.rn = 1 AND e.id = ANY($1::uuid[]) AND e.id = r.event_id AND e.duplicate_count <> r.n - 1
       RETURNING e.id
     )
     SELECT 'first' AS kind, event_id, id AS delivery_id FROM ranked WHERE rn = 1
     UNION ALL SELECT 'delivery', NULL, id FROM outcomes
     UNION ALL SELECT 'event', id, NULL FROM counts`,
    [eventIds],
  );
  const settled: Settled = { first: new Map(), deliveriesChanged: [], eventsChanged: [] };
  for (const r of rows) {
    if (r.kind === 'first') settled.first.set(r.event_id as string, r.delivery_id as string);
    else if (r.kind === 'delivery') settled.deliveriesChanged.push(r.delivery_id as string);
    else settled.eventsChanged.push(r.event_id as string);
  }
  return settled;
}
