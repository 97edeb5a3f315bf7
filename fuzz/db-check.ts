import type { DeliveryFacts } from './oracle';

// One query looks up a whole batch of webhook requests by their x-request-id, with the event
// and call each delivery points at, and what the call's events say it should show.

export interface Queryable {
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

interface Row {
  rid: string;
  outcome: string;
  http_status: number;
  error_code: string | null;
  event_id: string | null;
  call_id: string | null;
  event_found: boolean;
  event_call_id: string | null;
  event_provider_call_id: string | null;
  call_found: boolean;
  event_count: number | null;
  stored_events: number | null;
  last_event_at: Date | null;
  newest_event_at: Date | null;
}

const SQL = `
  SELECT d.headers->>'x-request-id' AS rid, d.outcome, d.http_status, d.error_code, d.event_id, d.call_id,
         e.id IS NOT NULL AS event_found, e.call_id AS event_call_id, e.provider_call_id AS event_provider_call_id,
         c.id IS NOT NULL AS call_found, c.event_count, s.stored_events, c.last_event_at, s.newest_event_at
  FROM delivery d
  LEFT JOIN call_event e ON e.id = d.event_id
  LEFT JOIN call c ON c.id = d.call_id
  LEFT JOIN LATERAL (SELECT count(*)::int AS stored_events, max(received_at) AS newest_event_at FROM call_event x WHERE x.call_id = c.id) s ON c.id IS NOT NULL
  WHERE d.headers->>'x-request-id' = ANY($1::text[])`;

export async function deliveryFacts(db: Queryable, requestIds: string[]): Promise<Map<string, DeliveryFacts>> {
  const out = new Map<string, DeliveryFacts>();
  for (let i = 0; i < requestIds.length; i += 1000) {
    const { rows } = await db.query<Row>(SQL, [requestIds.slice(i, i + 1000)]);
    for (const r of rows) {
      out.set(r.rid, {
        outcome: r.outcome,
        httpStatus: r.http_status,
        errorCode: r.error_code,
        eventId: r.event_id,
        callId: r.call_id,
        eventFound: r.event_found,
        eventCallId: r.event_call_id,
        eventProviderCallId: r.event_provider_call_id,
        callFound: r.call_found,
        eventCount: r.event_count,
        storedEvents: r.stored_events,
        lastEventAt: r.last_event_at?.toISOString() ?? null,
        newestEventAt: r.newest_event_at?.toISOString() ?? null,
      });
    }
  }
  return out;
}
