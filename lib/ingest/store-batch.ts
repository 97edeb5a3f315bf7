import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { ClientBase } from 'pg';
import { type AcceptedDelivery, type BatchPlan, eventKey, type PlannedEvent, planBatch } from './batch-plan';
import { CALL_RECORD, CALL_SET } from './call-columns';
import { type CallProjection, foldCall } from './fold';
import { foldOptions } from './fold-options';
import { type LinkCandidate, linkedFoldEvent, linkWaiting } from './link-waiting';
import { lockCalls, lockStatement } from './lock-calls';
import { inOneTrip, type Statement } from './one-trip';
import type { FoldEvent } from './types';

// One transaction stores a batch of verified deliveries: lock their calls, insert the distinct
// events (insert-or-ignore on the dedupe key) with their deliveries, actions and credit entries,
// read back every event of each call that gained one, fold those calls in Node, write them.
// Two round trips per batch whatever its size: [BEGIN, lock, insert-and-read] and
// [write calls, COMMIT], each sent in one go on a pipelined connection (see one-trip.ts); a
// third, between them, when a call is new or its metadata changed: the probe for call-less
// events waiting for it (link-waiting.ts).

export interface StoredDelivery {
  outcome: 'stored' | 'duplicate';
  deliveryId: string;
  eventId: string;
  callId: string | null;
}

/** Call-less events (Mirai actions without `call.id`) join the newest call whose metadata they echo. */
async function linkByMetadata(client: ClientBase, items: AcceptedDelivery[]): Promise<(string | null)[]> {
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

type EventResult = {
  src: 'new' | 'dup' | 'old';
  /** The planned event's index (new and dup rows). */
  e: number | null;
  id: string;
  call_id: string | null;
  dedupe_key: string;
  type: string | null;
  occurred_at: Date | null;
  received_at: Date | null;
  facts: FoldEvent['facts'] | null;
};

/**
 * Inserts the distinct events (insert-or-ignore), bumps the duplicate count of those already
 * stored, records every delivery with its outcome, raises the new events' actions and credit
 * entries, and returns the fold's input: every event of each call that gained one. It runs after
 * the lock statement, so its snapshot holds everything committed for those calls; every lookup is
 * an index probe. Each body travels once, as its own text parameter (no escaping on either side),
 * and serves both the delivery's bytes and the event's jsonb payload.
 */
function insertStatement(plan: BatchPlan): Statement {
  const values: unknown[] = [JSON.stringify(plan.deliveries), JSON.stringify(plan.events), plan.providers, plan.dedupeKeys];
  const bodies = plan.bodies.map((body, i) => {
    values.push(body);
    return typeof body === 'string' ? `($${values.length}::text, NULL::bytea, ${i})` : `(NULL::text, $${values.length}::bytea, ${i})`;
  });
  return {
    text: `WITH b(text, bytes, i) AS (VALUES ${bodies.join(', ')}),
     d AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(i int, id uuid, provider text, endpoint text, received_at timestamptz,
         headers jsonb, body_size int, verification text, event_type text, warnings jsonb, e int)
     ), v AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS t(e int, d int, provider text, dedupe_key text, provider_call_id text,
         type text, known bool, occurred_at timestamptz, received_at timestamptz, normalized jsonb, signed bool, copies int,
         payload text, action jsonb, credit jsonb)
     ), vc AS (
       -- The lock statement before this one created and locked these calls.
       SELECT v.*, c.id AS call_id FROM v
       LEFT JOIN LATERAL (SELECT id FROM call WHERE call.provider = v.provider AND call.provider_call_id = v.provider_call_id) c ON true
     ), ins AS (
       INSERT INTO call_event (provider, dedupe_key, call_id, provider_call_id, type, known, occurred_at, received_at, payload, normalized, signed, duplicate_count)
       SELECT vc.provider, vc.dedupe_key, vc.call_id, vc.provider_call_id, vc.type, vc.known, vc.occurred_at, vc.received_at,
              coalesce(vc.payload, b.text)::jsonb, vc.normalized, vc.signed, vc.copies - 1
       FROM vc JOIN b ON b.i = vc.d
       ON CONFLICT (provider, dedupe_key) DO NOTHING
       RETURNING id, provider, dedupe_key, call_id, type, occurred_at, received_at, normalized->'facts' AS facts
     ), dup AS (
       -- Sees the snapshot from before this statement: only events stored by earlier batches.
       UPDATE call_event e SET duplicate_count = e.duplicate_count + v.copies
       FROM v WHERE e.provider = ANY($3::text[]) AND e.dedupe_key = ANY($4::text[])
         AND e.provider = v.provider AND e.dedupe_key = v.dedupe_key
       RETURNING e.id, e.provider, e.dedupe_key, e.call_id
     ), stored AS (
       SELECT v.e, v.d, x.id, x.call_id, x.is_new FROM v JOIN (
         SELECT id, provider, dedupe_key, call_id, true AS is_new FROM ins
         UNION ALL SELECT id, provider, dedupe_key, call_id, false FROM dup
       ) x ON x.provider = v.provider AND x.dedupe_key = v.dedupe_key
     ), deliveries AS (
       -- A delivery whose event raced a concurrent batch (see settleRaced) is fixed up after.
       INSERT INTO delivery (id, provider, endpoint, received_at, headers, body, body_size, verification, outcome, http_status, event_type, warnings, event_id, call_id)
       SELECT d.id, d.provider, d.endpoint, d.received_at, d.headers, coalesce(b.bytes, convert_to(b.text, 'UTF8')), d.body_size, d.verification,
              CASE WHEN s.is_new AND s.d = d.i THEN 'stored' ELSE 'duplicate' END, 200, d.event_type, d.warnings, s.id, s.call_id
       FROM d JOIN b ON b.i = d.i LEFT JOIN stored s ON s.e = d.e
       RETURNING 1
     ), actions AS (
       INSERT INTO action (provider, event_id, call_id, provider_call_id, kind, raw_kind, reason, payload)
       SELECT v.provider, s.id, s.call_id, v.action->>'providerCallId', v.action->>'kind', v.action->>'rawKind', v.action->>'reason', v.action->'payload'
       FROM stored s JOIN v ON v.e = s.e WHERE s.is_new AND v.action IS NOT NULL
       ON CONFLICT (event_id) DO NOTHING RETURNING 1
     ), credits AS (
       INSERT INTO credit_entry (provider, event_id, call_id, at, used, available)
       SELECT v.provider, s.id, s.call_id, (v.credit->>'at')::timestamptz, (v.credit->>'used')::float8, (v.credit->>'available')::float8
       FROM stored s JOIN v ON v.e = s.e WHERE s.is_new AND v.credit IS NOT NULL
       ON CONFLICT (event_id) DO NOTHING RETURNING 1
     )
     SELECT 'new' AS src, v.e, i.id, i.call_id, i.dedupe_key, i.type, i.occurred_at, i.received_at, i.facts
       FROM ins i JOIN v ON v.provider = i.provider AND v.dedupe_key = i.dedupe_key
     UNION ALL SELECT 'dup', v.e, u.id, u.call_id, u.dedupe_key, NULL, NULL, NULL, NULL
       FROM dup u JOIN v ON v.provider = u.provider AND v.dedupe_key = u.dedupe_key
     UNION ALL SELECT 'old', NULL, o.id, o.call_id, o.dedupe_key, o.type, o.occurred_at, o.received_at, o.normalized->'facts'
       FROM (SELECT DISTINCT call_id FROM ins WHERE call_id IS NOT NULL) g
       CROSS JOIN LATERAL (SELECT * FROM call_event e WHERE e.call_id = g.call_id) o`,
    values,
  };
}

/**
 * A call-less event a concurrent batch committed after the insert's snapshot: neither inserted
 * nor visible to its update (calls are locked, so only call-less events can race). Counts the
 * copies on the stored event and points this batch's deliveries at it.
 */
async function settleRaced(client: ClientBase, plan: BatchPlan, stored: Map<number, { id: string; callId: string | null }>): Promise<void> {
  for (const event of plan.events) {
    if (stored.has(event.e)) continue;
    const { rows } = await client.query<{ id: string; call_id: string | null }>(
      `WITH e AS (UPDATE call_event SET duplicate_count = duplicate_count + $3 WHERE provider = $1 AND dedupe_key = $2 RETURNING id, call_id)
       UPDATE delivery SET event_id = e.id, call_id = e.call_id FROM e WHERE delivery.id = ANY($4::uuid[]) RETURNING e.id, e.call_id`,
      [event.provider, event.dedupe_key, event.copies, plan.deliveries.filter((d) => d.e === event.e).map((d) => d.id)],
    );
    if (!rows[0]) throw new Error(`event ${eventKey(event.provider, event.dedupe_key)} neither inserted nor found`);
    stored.set(event.e, { id: rows[0].id, callId: rows[0].call_id });
  }
}

function callsStatement(calls: (CallProjection & { id: string })[]): Statement {
  return {
    text: `UPDATE call c SET ${CALL_SET}, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(${CALL_RECORD})
     WHERE c.id = ANY($2::uuid[]) AND c.id = x.id`,
    values: [JSON.stringify(calls), calls.map((c) => c.id)],
  };
}

const toFoldEvent = (r: EventResult): FoldEvent => ({
  dedupeKey: r.dedupe_key,
  type: r.type ?? '',
  occurredAt: r.occurred_at?.toISOString() ?? null,
  receivedAt: (r.received_at ?? new Date(0)).toISOString(),
  facts: r.facts ?? {},
});

interface GainedCall {
  provider: string;
  providerCallId: string;
  events: FoldEvent[];
  /** Its events before this batch: none for a call this batch created. */
  before: FoldEvent[];
}

/** Every call that gained an event, with all its events, as read back from the database. */
function gainedCalls(rows: EventResult[], events: PlannedEvent[]): Map<string, GainedCall> {
  const byCall = new Map<string, GainedCall>();
  for (const r of rows) {
    if (r.src !== 'new' || !r.call_id) continue;
    const planned = events[r.e ?? -1];
    const call = byCall.get(r.call_id) ?? { provider: planned?.provider ?? '', providerCallId: planned?.provider_call_id ?? '', events: [], before: [] };
    call.events.push(toFoldEvent(r));
    byCall.set(r.call_id, call);
  }
  for (const r of rows) {
    const call = r.src === 'old' && r.call_id ? byCall.get(r.call_id) : undefined;
    if (call) {
      call.events.push(toFoldEvent(r));
      call.before.push(toFoldEvent(r));
    }
  }
  return byCall;
}

const foldAll = (calls: Map<string, GainedCall>) => [...calls].map(([id, c]) => ({ id, ...foldCall(c.provider, c.providerCallId, c.events, foldOptions()) }));

/**
 * Calls that are new or whose metadata this batch changed may be what a waiting call-less event
 * echoes (see link-waiting.ts); any other call was already looked at when it last changed.
 */
function linkCandidates(calls: Map<string, GainedCall>, folded: (CallProjection & { id: string })[]): LinkCandidate[] {
  return folded.flatMap((p) => {
    const call = calls.get(p.id)!;
    const before = call.before.length > 0 ? foldCall(call.provider, call.providerCallId, call.before).metadata : {};
    if (Object.keys(p.metadata).length === 0 || isDeepStrictEqual(before, p.metadata)) return [];
    return [{ callId: p.id, provider: call.provider, providerCallId: call.providerCallId, metadata: p.metadata, lastEventAt: p.lastEventAt }];
  });
}

/**
 * A call the lock statement created for an event that turned out to be a duplicate (an event
 * id a provider reused under another call id) has no event: it is deleted before COMMIT, so no
 * empty call ever shows. Only calls of events this batch did not insert can be such.
 */
function phantomStatement(plan: BatchPlan, inserted: Set<number>): Statement | null {
  const keys = plan.events.filter((e) => !inserted.has(e.e) && e.provider_call_id).map((e) => [e.provider, e.provider_call_id!] as const);
  if (keys.length === 0) return null;
  return {
    text: `DELETE FROM call c WHERE c.provider = ANY($1::text[]) AND c.provider_call_id = ANY($2::text[])
       AND (c.provider, c.provider_call_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       AND NOT EXISTS (SELECT 1 FROM call_event e WHERE e.call_id = c.id)`,
    values: [keys.map((k) => k[0]), keys.map((k) => k[1])],
  };
}

/** Lock, insert and read in one round trip; step by step if a concurrent batch created a call. */
async function lockAndInsert(client: ClientBase, plan: BatchPlan): Promise<EventResult[]> {
  if (plan.callKeys.length === 0) return (await inOneTrip<EventResult>(client, [{ text: 'BEGIN' }, insertStatement(plan)]))[1]!.rows;
  const [, locked, inserted] = await inOneTrip(client, [{ text: 'BEGIN' }, lockStatement(plan.callKeys), insertStatement(plan)]);
  if (locked!.rows.length === plan.callKeys.length) return inserted!.rows as EventResult[];
  // A call another batch created after the lock statement's snapshot was neither created nor
  // locked by it, so the insert ran unguarded: undo, and lock with retries before inserting.
  await client.query('ROLLBACK');
  await client.query('BEGIN');
  await lockCalls(client, plan.callKeys);
  return (await client.query<EventResult>(insertStatement(plan))).rows;
}

export async function storeBatch(client: ClientBase, items: AcceptedDelivery[]): Promise<StoredDelivery[]> {
  // Reads only: the call it names is created or locked with the others below.
  const providerCallIds = await linkByMetadata(client, items);
  const plan = planBatch(items, providerCallIds, () => randomUUID());
  try {
    const rows = await lockAndInsert(client, plan);
    const stored = new Map<number, { id: string; callId: string | null }>();
    for (const r of rows) if (r.src !== 'old' && r.e !== null) stored.set(r.e, { id: r.id, callId: r.call_id });
    if (stored.size < plan.events.length) await settleRaced(client, plan, stored);
    const gained = gainedCalls(rows, plan.events);
    let calls = foldAll(gained);
    const linked = await linkWaiting(client, linkCandidates(gained, calls));
    if (linked.length > 0) {
      for (const r of linked) gained.get(r.call_id)?.events.push(linkedFoldEvent(r));
      calls = foldAll(gained);
    }
    const isNew = new Set(rows.flatMap((r) => (r.src === 'new' && r.e !== null ? [r.e] : [])));
    const phantoms = phantomStatement(plan, isNew);
    await inOneTrip(client, [...(calls.length > 0 ? [callsStatement(calls)] : []), ...(phantoms ? [phantoms] : []), { text: 'COMMIT' }]);
    return plan.deliveries.map((d) => {
      const event = stored.get(d.e)!;
      const first = plan.events[d.e]!.d === d.i;
      return { outcome: isNew.has(d.e) && first ? 'stored' : 'duplicate', deliveryId: d.id, eventId: event.id, callId: event.callId };
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export type { AcceptedDelivery };
