import type { ClientBase } from 'pg';
import type { NormalizedEvent } from '@/lib/providers/types';
import { eventKey, jsonText } from './batch-plan';

// Reprocessing's reads and inserts of call_event rows: what is stored under a key now, and
// the rows a delivery's new dedupe key needs.

/** A stored event a chunk's deliveries point at, or will. */
export interface StoredEvent {
  id: string;
  provider: string;
  dedupe_key: string;
  provider_call_id: string | null;
  /** `normalized.providerCallId`: null when the event named no call and was linked by metadata. */
  own_provider_call_id: string | null;
  received_at: Date;
  /** The call it is filed under now, as a lock key. */
  call_provider: string | null;
  call_provider_call_id: string | null;
}

export interface StoredEvents {
  byKey: Map<string, StoredEvent>;
  byId: Map<string, StoredEvent>;
}

const COLUMNS = `e.id, e.provider, e.dedupe_key, e.provider_call_id, e.normalized->>'providerCallId' AS own_provider_call_id,
  e.received_at, c.provider AS call_provider, c.provider_call_id AS call_provider_call_id`;

/** The events stored under the chunk's new keys, and those its deliveries point at today. */
export async function readStoredEvents(client: ClientBase, keys: [string, string][], previousIds: string[]): Promise<StoredEvents> {
  const { rows } = await client.query<StoredEvent>(
    `WITH keys AS (SELECT * FROM unnest($1::text[], $2::text[]) AS k(provider, dedupe_key))
     SELECT ${COLUMNS} FROM call_event e LEFT JOIN call c ON c.id = e.call_id
     WHERE e.provider = ANY($1::text[]) AND e.dedupe_key = ANY($2::text[])
       AND (e.provider, e.dedupe_key) IN (SELECT provider, dedupe_key FROM keys)
     UNION
     SELECT ${COLUMNS} FROM call_event e LEFT JOIN call c ON c.id = e.call_id WHERE e.id = ANY($3::uuid[])`,
    [keys.map((k) => k[0]), keys.map((k) => k[1]), previousIds],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byKey = new Map(rows.map((r) => [eventKey(r.provider, r.dedupe_key), r]));
  return { byKey, byId };
}

/**
 * Row-locks events the chunk will relink or recount, in id order. NO KEY UPDATE is what an
 * ingest batch's duplicate-count update takes, so one waits for the other and no count is
 * lost, while delivery inserts (foreign-key KEY SHARE locks) pass.
 */
export async function lockEvents(client: ClientBase, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query('SELECT id FROM call_event WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [ids]);
}

/** The newest call whose metadata a call-less event echoes, among calls that existed when it arrived. */
export async function callByMetadata(client: ClientBase, provider: string, metadata: Record<string, unknown>, receivedAt: Date): Promise<string | null> {
  const { rows } = await client.query<{ provider_call_id: string }>(
    `SELECT provider_call_id FROM call WHERE provider = $1 AND metadata @> $2::jsonb AND first_event_at <= $3
     ORDER BY last_event_at DESC LIMIT 1`,
    [provider, JSON.stringify(metadata), receivedAt],
  );
  return rows[0]?.provider_call_id ?? null;
}

export interface NewEvent {
  provider: string;
  event: NormalizedEvent;
  body: Buffer;
  receivedAt: Date;
  signed: boolean;
  callId: string | null;
  providerCallId: string | null;
}

/** JSON for jsonb_to_recordset with the raw body spliced in as the payload, as ingest stores it. */
function newEventsJson(events: NewEvent[]): string {
  const parts = events.map((n) => {
    const head = JSON.stringify({
      provider: n.provider,
      dedupe_key: n.event.dedupeKey,
      call_id: n.callId,
      provider_call_id: n.providerCallId,
      type: n.event.type,
      known: n.event.known,
      occurred_at: n.event.occurredAt,
      received_at: n.receivedAt.toISOString(),
      normalized: n.event,
      signed: n.signed,
    });
    return `${head.slice(0, -1)},"payload":${jsonText(n.body)}}`;
  });
  return `[${parts.join(',')}]`;
}

/**
 * Inserts events for keys no row holds yet. A key an ingest batch stored meanwhile is found
 * instead (and locked), so reprocessing and ingest never make two rows for one key.
 * Returns key → row, and the ids of the rows this inserted.
 */
export async function insertEvents(
  client: ClientBase,
  events: NewEvent[],
): Promise<{ rows: Map<string, { id: string; received_at: Date }>; inserted: Set<string> }> {
  const out = new Map<string, { id: string; received_at: Date }>();
  if (events.length === 0) return { rows: out, inserted: new Set() };
  type Row = { id: string; provider: string; dedupe_key: string; received_at: Date };
  const { rows } = await client.query<Row>(
    `INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload, normalized, signed, duplicate_count)
     SELECT provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload, normalized, signed, 0
     FROM jsonb_to_recordset($1::jsonb) AS t(provider text, dedupe_key text, call_id uuid, provider_call_id text, type text, known bool,
       occurred_at timestamptz, received_at timestamptz, payload jsonb, normalized jsonb, signed bool)
     ON CONFLICT (provider, dedupe_key) DO NOTHING
     RETURNING id, provider, dedupe_key, received_at`,
    [newEventsJson(events)],
  );
  for (const r of rows) out.set(eventKey(r.provider, r.dedupe_key), r);
  const raced = events.filter((n) => !out.has(eventKey(n.provider, n.event.dedupeKey)));
  if (raced.length > 0) {
    const { rows: found } = await client.query<Row>(
      `SELECT id, provider, dedupe_key, received_at FROM call_event
       WHERE (provider, dedupe_key) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY id FOR NO KEY UPDATE`,
      [raced.map((n) => n.provider), raced.map((n) => n.event.dedupeKey)],
    );
    for (const r of found) out.set(eventKey(r.provider, r.dedupe_key), r);
  }
  return { rows: out, inserted: new Set(rows.map((r) => r.id)) };
}
