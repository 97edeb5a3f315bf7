import type { ClientBase } from 'pg';
import type { NormalizedEvent } from '@/lib/providers/types';
import { jsonText } from './batch-plan';

// Rewrites what an event says, and the action and credit entry it carries, from the event's
// first delivery read with the current code. Only changed rows are written, so a rerun writes
// nothing. An action someone decided keeps its decision and the payload that was decided on;
// only its link to the call follows the event.

/** An event whose first delivery is in the chunk. */
export interface EventFacts {
  id: string;
  provider: string;
  event: NormalizedEvent;
  body: Buffer;
  callId: string | null;
  providerCallId: string | null;
  /** The event row's received_at: a credit entry without a time of its own takes it, as in ingest. */
  receivedAt: Date;
}

type Counts = { created: number; updated: number; removed: number };

export interface FactCounts {
  /** Events whose row changed. */
  events: string[];
  actions: Counts;
  credits: Counts;
}

function eventsJson(facts: EventFacts[]): string {
  const parts = facts.map((f) => {
    const head = JSON.stringify({
      id: f.id,
      call_id: f.callId,
      provider_call_id: f.providerCallId,
      type: f.event.type,
      known: f.event.known,
      occurred_at: f.event.occurredAt,
      normalized: f.event,
    });
    return `${head.slice(0, -1)},"payload":${jsonText(f.body)}}`;
  });
  return `[${parts.join(',')}]`;
}

const SQL = `WITH x AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, call_id uuid, provider_call_id text, type text, known bool,
      occurred_at timestamptz, payload jsonb, normalized jsonb)
  ), events AS (
    UPDATE call_event e SET call_id = x.call_id, provider_call_id = x.provider_call_id, type = x.type, known = x.known,
      occurred_at = x.occurred_at, payload = x.payload, normalized = x.normalized
    FROM x WHERE e.id = ANY($4::uuid[]) AND e.id = x.id
      AND (e.call_id, e.provider_call_id, e.type, e.known, e.occurred_at, e.payload, e.normalized)
        IS DISTINCT FROM (x.call_id, x.provider_call_id, x.type, x.known, x.occurred_at::timestamptz(3), x.payload, x.normalized)
    RETURNING e.id
  ), a AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS t(provider text, "eventId" uuid, "callId" uuid, "providerCallId" text,
      kind text, "rawKind" text, reason text, payload jsonb)
  ), actions_created AS (
    INSERT INTO action (provider, event_id, call_id, provider_call_id, kind, raw_kind, reason, payload)
    SELECT provider, "eventId", "callId", "providerCallId", kind, "rawKind", reason, payload FROM a
    ON CONFLICT (event_id) DO NOTHING RETURNING 1
  ), actions_updated AS (
    UPDATE action t SET call_id = a."callId", provider_call_id = a."providerCallId",
      kind = CASE WHEN t.status = 'pending' THEN a.kind ELSE t.kind END,
      raw_kind = CASE WHEN t.status = 'pending' THEN a."rawKind" ELSE t.raw_kind END,
      reason = CASE WHEN t.status = 'pending' THEN a.reason ELSE t.reason END,
      payload = CASE WHEN t.status = 'pending' THEN a.payload ELSE t.payload END,
      updated_at = now()
    FROM a WHERE t.event_id = ANY($4::uuid[]) AND t.event_id = a."eventId"
      AND ((t.call_id, t.provider_call_id) IS DISTINCT FROM (a."callId", a."providerCallId")
        OR (t.status = 'pending' AND (t.kind, t.raw_kind, t.reason, t.payload) IS DISTINCT FROM (a.kind, a."rawKind", a.reason, a.payload)))
    RETURNING 1
  ), actions_removed AS (
    DELETE FROM action t WHERE t.event_id = ANY($5::uuid[]) AND t.status = 'pending' RETURNING 1
  ), credits_written AS (
    INSERT INTO credit_entry AS t (provider, event_id, call_id, at, used, available)
    SELECT provider, "eventId", "callId", at, used, available
    FROM jsonb_to_recordset($3::jsonb) AS c(provider text, "eventId" uuid, "callId" uuid, at timestamptz, used float8, available float8)
    ON CONFLICT (event_id) DO UPDATE SET call_id = EXCLUDED.call_id, at = EXCLUDED.at, used = EXCLUDED.used, available = EXCLUDED.available
      WHERE (t.call_id, t.at, t.used, t.available) IS DISTINCT FROM (EXCLUDED.call_id, EXCLUDED.at, EXCLUDED.used, EXCLUDED.available)
    RETURNING (xmax = 0) AS created
  ), credits_removed AS (
    DELETE FROM credit_entry t WHERE t.event_id = ANY($6::uuid[]) RETURNING 1
  )
  SELECT 'event' AS kind, id FROM events
  UNION ALL SELECT 'action_created', NULL FROM actions_created
  UNION ALL SELECT 'action_updated', NULL FROM actions_updated
  UNION ALL SELECT 'action_removed', NULL FROM actions_removed
  UNION ALL SELECT CASE WHEN created THEN 'credit_created' ELSE 'credit_updated' END, NULL FROM credits_written
  UNION ALL SELECT 'credit_removed', NULL FROM credits_removed`;

/**
 * One statement for the chunk. An event that no longer carries an action loses its pending
 * action (a decided one stays); one that no longer reports credits loses its credit entry.
 */
export async function writeFacts(client: ClientBase, facts: EventFacts[]): Promise<FactCounts> {
  const counts: FactCounts = { events: [], actions: { created: 0, updated: 0, removed: 0 }, credits: { created: 0, updated: 0, removed: 0 } };
  if (facts.length === 0) return counts;
  const actions = facts.flatMap((f) =>
    f.event.action ? [{ provider: f.provider, eventId: f.id, callId: f.callId, providerCallId: f.providerCallId, ...f.event.action }] : [],
  );
  const credits = facts.flatMap((f) => {
    if (!f.event.credits) return [];
    const at = f.event.occurredAt ?? f.event.facts.endedAt ?? f.receivedAt.toISOString();
    return [{ provider: f.provider, eventId: f.id, callId: f.callId, at, used: f.event.credits.used, available: f.event.credits.available }];
  });
  const { rows } = await client.query<{ kind: string; id: string | null }>(SQL, [
    eventsJson(facts),
    JSON.stringify(actions),
    JSON.stringify(credits),
    facts.map((f) => f.id),
    facts.filter((f) => !f.event.action).map((f) => f.id),
    facts.filter((f) => !f.event.credits).map((f) => f.id),
  ]);
  for (const { kind, id } of rows) {
    if (kind === 'event' && id) counts.events.push(id);
    const [group, what] = kind.split('_') as ['action' | 'credit' | 'event', keyof Counts];
    if (group === 'action') counts.actions[what]++;
    if (group === 'credit') counts.credits[what]++;
  }
  return counts;
}
