import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { foldCall, type CallProjection } from './fold';
import type { FoldEvent, NormalizedEvent } from './types';
import type { Verification } from '@/lib/providers/types';

// One transaction stores a batch of verified deliveries: lock their calls, insert the distinct
// events (insert-or-ignore on the dedupe key), fold every touched call from all its events,
// then write calls, actions, credit entries and delivery records in one statement.
// Five round trips per batch whatever its size; the fold runs in Node between them.

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

const eventKey = (provider: string, dedupeKey: string) => `${provider}\u0000${dedupeKey}`;
const callKey = (provider: string, providerCallId: string) => `${provider}\u0000${providerCallId}`;

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

/** Creates missing calls and row-locks all of them, in a fixed order so batches cannot deadlock. */
async function lockCalls(client: PoolClient, keys: [string, string][]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (keys.length === 0) return ids;
  const { rows } = await client.query<{ id: string; provider: string; provider_call_id: string }>(
    `INSERT INTO call (provider, provider_call_id)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (provider, provider_call_id) DO UPDATE SET updated_at = now()
     RETURNING id, provider, provider_call_id`,
    [keys.map((k) => k[0]), keys.map((k) => k[1])],
  );
  for (const r of rows) ids.set(callKey(r.provider, r.provider_call_id), r.id);
  return ids;
}

interface EventRow {
  item: AcceptedDelivery;
  callId: string | null;
  providerCallId: string | null;
  copies: number;
}

/** Inserts distinct events; bumps the duplicate count of those already stored. */
async function insertEvents(client: PoolClient, rows: EventRow[]): Promise<Map<string, { id: string; isNew: boolean }>> {
  const { rows: result } = await client.query<{ src: 'new' | 'dup'; id: string; provider: string; dedupe_key: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::bool[],
                            $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[], $11::bool[], $12::int[])
         AS t(provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload, normalized, signed, copies)
     ), ins AS (
       INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload, normalized, signed, duplicate_count)
       SELECT provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload::jsonb, normalized::jsonb, signed, copies - 1
       FROM input
       ON CONFLICT (provider, dedupe_key) DO NOTHING
       RETURNING id, provider, dedupe_key
     ), dup AS (
       UPDATE call_event e SET duplicate_count = e.duplicate_count + i.copies
       FROM input i WHERE e.provider = i.provider AND e.dedupe_key = i.dedupe_key
       RETURNING e.id, e.provider, e.dedupe_key
     )
     SELECT 'new' AS src, id, provider, dedupe_key FROM ins
     UNION ALL SELECT 'dup', id, provider, dedupe_key FROM dup`,
    [
      rows.map((r) => r.item.provider),
      rows.map((r) => r.item.event.dedupeKey),
      rows.map((r) => r.callId),
      rows.map((r) => r.providerCallId),
      rows.map((r) => r.item.event.type),
      rows.map((r) => r.item.event.known),
      rows.map((r) => r.item.event.occurredAt),
      rows.map((r) => r.item.receivedAt.toISOString()),
      rows.map((r) => jsonText(r.item.body)),
      rows.map((r) => JSON.stringify(r.item.event)),
      rows.map((r) => r.item.verification === 'valid'),
      rows.map((r) => r.copies),
    ],
  );
  const out = new Map<string, { id: string; isNew: boolean }>();
  for (const r of result) out.set(eventKey(r.provider, r.dedupe_key), { id: r.id, isNew: r.src === 'new' });
  // A key a concurrent transaction committed after this statement's snapshot: neither inserted
  // nor visible to the update above. Only call-less events can race this way (calls are locked).
  for (const row of rows) {
    const key = eventKey(row.item.provider, row.item.event.dedupeKey);
    if (out.has(key)) continue;
    const { rows: found } = await client.query<{ id: string }>(
      `UPDATE call_event SET duplicate_count = duplicate_count + $3 WHERE provider = $1 AND dedupe_key = $2 RETURNING id`,
      [row.item.provider, row.item.event.dedupeKey, row.copies],
    );
    if (!found[0]) throw new Error(`event ${key} neither inserted nor found`);
    out.set(key, { id: found[0].id, isNew: false });
  }
  return out;
}

/** JSON text for the jsonb payload column; jsonb cannot hold \u0000, so those become U+FFFD. */
function jsonText(body: Buffer): string {
  const text = body.toString('utf8');
  return text.includes('\\u0000') ? text.replaceAll('\\u0000', '\\ufffd') : text;
}

async function foldCalls(client: PoolClient, callIds: string[], providerCallIds: Map<string, string>): Promise<(CallProjection & { id: string })[]> {
  if (callIds.length === 0) return [];
  const { rows } = await client.query<{ call_id: string; dedupe_key: string; type: string; occurred_at: Date | null; received_at: Date; facts: FoldEvent['facts'] }>(
    `SELECT call_id, dedupe_key, type, occurred_at, received_at, normalized->'facts' AS facts FROM call_event WHERE call_id = ANY($1::uuid[])`,
    [callIds],
  );
  const byCall = new Map<string, FoldEvent[]>();
  for (const r of rows) {
    const list = byCall.get(r.call_id) ?? [];
    list.push({ dedupeKey: r.dedupe_key, type: r.type, occurredAt: r.occurred_at?.toISOString() ?? null, receivedAt: r.received_at.toISOString(), facts: r.facts });
    byCall.set(r.call_id, list);
  }
  return [...byCall].map(([id, events]) => ({ id, ...foldCall(providerCallIds.get(id) ?? '', events) }));
}

const CALL_COLUMNS = `id uuid, status text, "providerStatus" text, final bool, "endReason" text, direction text,
  "customerNumber" text, "fromNumber" text, "toNumber" text, "agentId" text, "applicationId" text, metadata jsonb,
  variables jsonb, "startedAt" timestamptz, "endedAt" timestamptz, "durationSeconds" float8, "recordingUrl" text,
  "detailUrl" text, attempts int, "reAttemptCount" int, "rescheduledCount" int, transcript jsonb, summary text,
  success bool, disposition text, analysis jsonb, "creditsUsed" float8, "creditsAvailable" float8, "eventCount" int,
  "firstEventAt" timestamptz, "lastEventAt" timestamptz, "searchText" text`;

async function writeResults(
  client: PoolClient,
  calls: (CallProjection & { id: string })[],
  actions: object[],
  credits: object[],
  deliveries: { id: string; item: AcceptedDelivery; outcome: string; eventId: string; callId: string | null }[],
): Promise<void> {
  await client.query(
    `WITH calls AS (
       UPDATE call c SET status = x.status, provider_status = x."providerStatus", final = x.final, end_reason = x."endReason",
         direction = x.direction, customer_number = x."customerNumber", from_number = x."fromNumber", to_number = x."toNumber",
         agent_id = x."agentId", application_id = x."applicationId", metadata = x.metadata, variables = x.variables,
         started_at = x."startedAt", ended_at = x."endedAt", duration_seconds = x."durationSeconds", recording_url = x."recordingUrl",
         detail_url = x."detailUrl", attempts = x.attempts, re_attempt_count = x."reAttemptCount", rescheduled_count = x."rescheduledCount",
         transcript = x.transcript, summary = x.summary, success = x.success, disposition = x.disposition, analysis = x.analysis,
         credits_used = x."creditsUsed", credits_available = x."creditsAvailable", event_count = x."eventCount",
         first_event_at = x."firstEventAt", last_event_at = x."lastEventAt", search_text = x."searchText", updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(${CALL_COLUMNS})
       WHERE c.id = x.id RETURNING 1
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
     SELECT id, provider, endpoint, received_at, headers::jsonb, body, octet_length(body), verification, outcome, 200, event_type, event_id, call_id
     FROM unnest($4::uuid[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::bytea[], $10::text[], $11::text[], $12::text[], $13::uuid[], $14::uuid[])
       AS d(id, provider, endpoint, received_at, headers, body, verification, outcome, event_type, event_id, call_id)`,
    [
      JSON.stringify(calls),
      JSON.stringify(actions),
      JSON.stringify(credits),
      deliveries.map((d) => d.id),
      deliveries.map((d) => d.item.provider),
      deliveries.map((d) => d.item.endpoint),
      deliveries.map((d) => d.item.receivedAt.toISOString()),
      deliveries.map((d) => JSON.stringify(d.item.headers)),
      deliveries.map((d) => d.item.body),
      deliveries.map((d) => d.item.verification),
      deliveries.map((d) => d.outcome),
      deliveries.map((d) => d.item.event.type),
      deliveries.map((d) => d.eventId),
      deliveries.map((d) => d.callId),
    ],
  );
}

export async function storeBatch(client: PoolClient, items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  await client.query('BEGIN');
  try {
    const providerCallIds = await linkByMetadata(client, items);
    const keys = new Map<string, [string, string]>();
    items.forEach((item, i) => {
      const pcid = providerCallIds[i];
      if (pcid) keys.set(callKey(item.provider, pcid), [item.provider, pcid]);
    });
    const sortedKeys = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, k]) => k);
    const callIds = await lockCalls(client, sortedKeys);
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
    const events = await insertEvents(client, [...distinct.values()]);

    const touched = new Set<string>();
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
        if (callId) {
          touched.add(callId);
          providerCallIdById.set(callId, providerCallIds[i]!);
        }
        const { action, credits: credit, providerCallId } = item.event;
        if (action) actions.push({ provider: item.provider, eventId: stored.id, callId, providerCallId: providerCallIds[i] ?? providerCallId, ...action });
        if (credit) {
          const at = item.event.occurredAt ?? item.event.facts.endedAt ?? item.receivedAt.toISOString();
          credits.push({ provider: item.provider, eventId: stored.id, callId, at, used: credit.used, available: credit.available });
        }
      }
      return { id: randomUUID(), item, outcome: isNew ? 'stored' : 'duplicate', eventId: stored.id, callId };
    });

    const calls = await foldCalls(client, [...touched], providerCallIdById);
    await writeResults(client, calls, actions, credits, deliveries);
    await client.query('COMMIT');
    return deliveries.map((d) => ({ outcome: d.outcome as StoredDelivery['outcome'], deliveryId: d.id, eventId: d.eventId, callId: d.callId }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
