import { randomUUID } from 'node:crypto';
import type { ClientBase, PoolClient } from 'pg';
import { CALL_RECORD, CALL_SET } from './call-columns';
import { foldCall, type CallProjection } from './fold';
import type { FoldEvent, NormalizedEvent } from './types';
import type { Verification } from '@/lib/providers/types';

// One transaction stores a batch of verified deliveries: lock their calls, insert the distinct
// events (insert-or-ignore on the dedupe key), fold every touched call from all its events,
// then write calls, actions, credit entries and delivery records in one statement.
// Five round trips per batch whatever its size (BEGIN, lock, insert-and-read, write, COMMIT);
// the fold runs in Node between them.

export interface AcceptedDelivery {
  provider: string;
  endpoint: string;
  receivedAt: Date;
  headers: Record<string, string>;
  body: Buffer;
  verification: Verification;
  event: NormalizedEvent;
}

export interface StoredDelivery {
  outcome: 'stored' | 'duplicate';
  deliveryId: string;
  eventId: string;
  callId: string | null;
}

export const eventKey = (provider: string, dedupeKey: string) => `${provider}\u0000${dedupeKey}`;
export const callKey = (provider: string, providerCallId: string) => `${provider}\u0000${providerCallId}`;

/** Call-less events (Mirai actions without `call.id`) join the newest call whose metadata they echo. */
async function linkByMetadata(client: PoolClient, items: AcceptedDelivery[]): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (const { provider, event } of items) {
    if (event.providerCallId || !event.linkMetadata) {
      out.push(event.providerCallId);
      continue;
    }
    const { rows } = await client.query<{ provider_call_id: string }>(
      `SELECT provider_call_id FROM call WHERE provider = $1 AND metadata @> $2::jsonb ORDER BY last_event_at DESC LIMIT 1`,
      [provider, JSON.stringify(event.linkMetadata)],
    );
    out.push(rows[0]?.provider_call_id ?? null);
  }
  return out;
}

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
    const missing = keys.filter(([p, c]) => !ids.has(callKey(p, c)));
    const { rows } = await client.query<{ id: string; provider: string; provider_call_id: string }>(
      `WITH keys AS (SELECT * FROM unnest($1::text[], $2::text[]) AS k(provider, provider_call_id)),
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
      [missing.map((k) => k[0]), missing.map((k) => k[1])],
    );
    for (const r of rows) ids.set(callKey(r.provider, r.provider_call_id), r.id);
  }
  return ids;
}

interface EventRow {
  item: AcceptedDelivery;
  callId: string | null;
  providerCallId: string | null;
  copies: number;
}

/**
 * Rows for jsonb_to_recordset, as one JSON document: one parse on each side instead of pg's
 * per-element array escaping. The raw body is already JSON, so it is spliced in as-is.
 */
function eventsJson(rows: EventRow[]): string {
  const parts = rows.map((r) => {
    const head = JSON.stringify({
      provider: r.item.provider,
      dedupe_key: r.item.event.dedupeKey,
      call_id: r.callId,
      provider_call_id: r.providerCallId,
      type: r.item.event.type,
      known: r.item.event.known,
      occurred_at: r.item.event.occurredAt,
      received_at: r.item.receivedAt.toISOString(),
      normalized: r.item.event,
      signed: r.item.verification === 'valid',
      copies: r.copies,
    });
    return `${head.slice(0, -1)},"payload":${jsonText(r.item.body)}}`;
  });
  return `[${parts.join(',')}]`;
}

type EventResult = { src: 'new' | 'dup' | 'old'; id: string; provider: string; dedupe_key: string; call_id: string | null; type: string; occurred_at: Date | null; received_at: Date; facts: FoldEvent['facts'] };

/**
 * Inserts the distinct events, bumps the duplicate count of those already stored, and returns
 * every event of each call that gained one: the fold's input, read in the same round trip.
 * The earlier events come from this statement's snapshot, taken after lockCalls, so they
 * include everything committed for these calls. Every lookup is an index probe by ANY().
 */
async function insertEvents(client: PoolClient, rows: EventRow[], callIds: string[]): Promise<{ events: Map<string, { id: string; isNew: boolean }>; byCall: Map<string, FoldEvent[]> }> {
  const { rows: result } = await client.query<EventResult>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(provider text, dedupe_key text, call_id uuid, provider_call_id text,
         type text, known bool, occurred_at timestamptz, received_at timestamptz, payload jsonb, normalized jsonb, signed bool, copies int)
     ), ins AS (
       INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload, normalized, signed, duplicate_count)
       SELECT provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload, normalized, signed, copies - 1
       FROM input
       ON CONFLICT (provider, dedupe_key) DO NOTHING
       RETURNING id, provider, dedupe_key, call_id, type, occurred_at, received_at, normalized->'facts' AS facts
     ), dup AS (
       UPDATE call_event e SET duplicate_count = e.duplicate_count + i.copies
       FROM input i
       WHERE e.provider = ANY($2::text[]) AND e.dedupe_key = ANY($3::text[])
         AND e.provider = i.provider AND e.dedupe_key = i.dedupe_key
       RETURNING e.id, e.provider, e.dedupe_key
     )
     SELECT 'new' AS src, id, provider, dedupe_key, call_id, type, occurred_at, received_at, facts FROM ins
     UNION ALL SELECT 'dup', id, provider, dedupe_key, NULL, NULL, NULL, NULL, NULL FROM dup
     UNION ALL SELECT 'old', e.id, e.provider, e.dedupe_key, e.call_id, e.type, e.occurred_at, e.received_at, e.normalized->'facts'
       FROM call_event e WHERE e.call_id = ANY($4::uuid[])`,
    [eventsJson(rows), [...new Set(rows.map((r) => r.item.provider))], rows.map((r) => r.item.event.dedupeKey), callIds],
  );
  const events = new Map<string, { id: string; isNew: boolean }>();
  const byCall = new Map<string, FoldEvent[]>();
  const gained = new Set(result.filter((r) => r.src === 'new').map((r) => r.call_id));
  for (const r of result) {
    if (r.src !== 'old') events.set(eventKey(r.provider, r.dedupe_key), { id: r.id, isNew: r.src === 'new' });
    if (r.src === 'dup' || !r.call_id || !gained.has(r.call_id)) continue;
    const list = byCall.get(r.call_id) ?? [];
    list.push({ dedupeKey: r.dedupe_key, type: r.type, occurredAt: r.occurred_at?.toISOString() ?? null, receivedAt: r.received_at.toISOString(), facts: r.facts });
    byCall.set(r.call_id, list);
  }
  // A key a concurrent transaction committed after this statement's snapshot: neither inserted
  // nor visible to the update above. Only call-less events can race this way (calls are locked).
  for (const row of rows) {
    const key = eventKey(row.item.provider, row.item.event.dedupeKey);
    if (events.has(key)) continue;
    const { rows: found } = await client.query<{ id: string }>(
      `UPDATE call_event SET duplicate_count = duplicate_count + $3 WHERE provider = $1 AND dedupe_key = $2 RETURNING id`,
      [row.item.provider, row.item.event.dedupeKey, row.copies],
    );
    if (!found[0]) throw new Error(`event ${key} neither inserted nor found`);
    events.set(key, { id: found[0].id, isNew: false });
  }
  return { events, byCall };
}

/** Distinct (provider, provider_call_id) keys in the order lockCalls needs. */
export function sortCallKeys(keys: Iterable<[string, string]>): [string, string][] {
  const byKey = new Map<string, [string, string]>();
  for (const k of keys) byKey.set(callKey(k[0], k[1]), k);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, k]) => k);
}

/** JSON text for the jsonb payload column; jsonb cannot hold \u0000, so those become U+FFFD. */
export function jsonText(body: Buffer): string {
  const text = body.toString('utf8');
  return text.includes('\\u0000') ? text.replaceAll('\\u0000', '\\ufffd') : text;
}

function foldCalls(byCall: Map<string, FoldEvent[]>, providerCallIds: Map<string, string>): (CallProjection & { id: string })[] {
  return [...byCall].map(([id, events]) => ({ id, ...foldCall(providerCallIds.get(id) ?? '', events) }));
}

async function writeResults(
  client: PoolClient,
  calls: (CallProjection & { id: string })[],
  actions: object[],
  credits: object[],
  deliveries: { id: string; item: AcceptedDelivery; outcome: string; eventId: string; callId: string | null }[],
): Promise<void> {
  await client.query(
    `WITH calls AS (
       UPDATE call c SET ${CALL_SET}, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(${CALL_RECORD})
       WHERE c.id = ANY($5::uuid[]) AND c.id = x.id RETURNING 1
     ), actions AS (
       INSERT INTO action (provider, event_id, call_id, provider_call_id, kind, raw_kind, reason, payload)
       SELECT provider, "eventId", "callId", "providerCallId", kind, "rawKind", reason, payload
       FROM jsonb_to_recordset($2::jsonb) AS a(provider text, "eventId" uuid, "callId" uuid, "providerCallId" text, kind text, "rawKind" text, reason text, payload jsonb)
       ON CONFLICT (event_id) DO NOTHING RETURNING 1
     ), credits AS (
       INSERT INTO credit_entry (provider, event_id, call_id, at, used, available)
       SELECT provider, "eventId", "callId", at, used, available
       FROM jsonb_to_recordset($3::jsonb) AS c(provider text, "eventId" uuid, "callId" uuid, at timestamptz, used float8, available float8)
       ON CONFLICT (event_id) DO NOTHING RETURNING 1
     )
     INSERT INTO delivery (id, provider, endpoint, received_at, headers, body, body_size, verification, outcome, http_status, event_type, event_id, call_id)
     SELECT id, provider, endpoint, received_at, headers, decode(body, 'base64'), body_size, verification, outcome, 200, event_type, event_id, call_id
     FROM jsonb_to_recordset($4::jsonb) AS d(id uuid, provider text, endpoint text, received_at timestamptz, headers jsonb, body text,
       body_size int, verification text, outcome text, event_type text, event_id uuid, call_id uuid)`,
    [
      JSON.stringify(calls),
      JSON.stringify(actions),
      JSON.stringify(credits),
      JSON.stringify(
        deliveries.map((d) => ({
          id: d.id,
          provider: d.item.provider,
          endpoint: d.item.endpoint,
          received_at: d.item.receivedAt.toISOString(),
          headers: d.item.headers,
          // base64 keeps the exact bytes, whatever they are, at a third more size and no escaping.
          body: d.item.body.toString('base64'),
          body_size: d.item.body.length,
          verification: d.item.verification,
          outcome: d.outcome,
          event_type: d.item.event.type,
          event_id: d.eventId,
          call_id: d.callId,
        })),
      ),
      calls.map((c) => c.id),
    ],
  );
}

export async function storeBatch(client: PoolClient, items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  await client.query('BEGIN');
  try {
    const providerCallIds = await linkByMetadata(client, items);
    const keys: [string, string][] = [];
    items.forEach((item, i) => {
      const pcid = providerCallIds[i];
      if (pcid) keys.push([item.provider, pcid]);
    });
    const callIds = await lockCalls(client, sortCallKeys(keys));
    const callIdOf = (i: number) => {
      const pcid = providerCallIds[i];
      return pcid ? (callIds.get(callKey(items[i]!.provider, pcid)) ?? null) : null;
    };

    // Identical deliveries in one batch become one event row with its copies counted.
    const distinct = new Map<string, EventRow>();
    items.forEach((item, i) => {
      const key = eventKey(item.provider, item.event.dedupeKey);
      const row = distinct.get(key);
      if (row) row.copies++;
      else distinct.set(key, { item, callId: callIdOf(i), providerCallId: providerCallIds[i] ?? null, copies: 1 });
    });
    const { events, byCall } = await insertEvents(client, [...distinct.values()], [...callIds.values()]);

    const providerCallIdById = new Map<string, string>();
    const actions: object[] = [];
    const credits: object[] = [];
    const claimed = new Set<string>();
    const deliveries = items.map((item, i) => {
      const key = eventKey(item.provider, item.event.dedupeKey);
      const stored = events.get(key)!;
      const callId = callIdOf(i);
      // Only the first copy of a new event counts as stored; every other copy is a duplicate.
      const isNew = stored.isNew && !claimed.has(key);
      claimed.add(key);
      if (isNew) {
        if (callId) providerCallIdById.set(callId, providerCallIds[i]!);
        const { action, credits: credit, providerCallId } = item.event;
        if (action) actions.push({ provider: item.provider, eventId: stored.id, callId, providerCallId: providerCallIds[i] ?? providerCallId, ...action });
        if (credit) {
          const at = item.event.occurredAt ?? item.event.facts.endedAt ?? item.receivedAt.toISOString();
          credits.push({ provider: item.provider, eventId: stored.id, callId, at, used: credit.used, available: credit.available });
        }
      }
      return { id: randomUUID(), item, outcome: isNew ? 'stored' : 'duplicate', eventId: stored.id, callId };
    });

    const calls = foldCalls(byCall, providerCallIdById);
    await writeResults(client, calls, actions, credits, deliveries);
    await client.query('COMMIT');
    return deliveries.map((d) => ({ outcome: d.outcome as StoredDelivery['outcome'], deliveryId: d.id, eventId: d.eventId, callId: d.callId }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
