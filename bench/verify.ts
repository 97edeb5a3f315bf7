import pg from 'pg';

// After the ingest phases, the bench database must hold exactly what was sent: one event per
// distinct delivery, one delivery row per request, every copy counted as a duplicate.

export interface Expected {
  /** Requests sent to /api/webhooks/* (warm-up included), all answered 2xx. */
  requests: number;
  /** Distinct (provider, body) among them. */
  distinctEvents: number;
  /** Distinct (provider, call id) among them. */
  calls: number;
  /** Non-2xx answers from the webhook endpoints. */
  non2xx: number;
}

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

interface Counts {
  events: string;
  duplicate_sum: string;
  deliveries: string;
  stored: string;
  duplicate: string;
  rejected: string;
  unlinked: string;
  calls: string;
}

export async function checkDatabase(url: string, expected: Expected): Promise<Check[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let counts: Counts;
  try {
    // pg returns bigint counts as strings; compared as numbers below.
    const { rows } = await client.query<Counts>(`SELECT
      (SELECT count(*) FROM call_event) AS events,
      (SELECT coalesce(sum(duplicate_count), 0) FROM call_event) AS duplicate_sum,
      (SELECT count(*) FROM delivery) AS deliveries,
      (SELECT count(*) FROM delivery WHERE outcome = 'stored') AS stored,
      (SELECT count(*) FROM delivery WHERE outcome = 'duplicate') AS duplicate,
      (SELECT count(*) FROM delivery WHERE outcome = 'rejected') AS rejected,
      (SELECT count(*) FROM delivery WHERE outcome <> 'rejected' AND event_id IS NULL) AS unlinked,
      (SELECT count(*) FROM call) AS calls`);
    counts = rows[0]!;
  } finally {
    await client.end();
  }
  const duplicates = expected.requests - expected.distinctEvents;
  const eq = (name: string, actual: string, want: number): Check => ({
    name,
    pass: Number(actual) === want,
    detail: `${actual} (expected ${want})`,
  });
  return [
    { name: 'every webhook request answered 2xx', pass: expected.non2xx === 0, detail: `${expected.non2xx} non-2xx` },
    eq('call_event rows = distinct events sent', counts.events, expected.distinctEvents),
    eq('delivery rows = webhook requests sent', counts.deliveries, expected.requests),
    eq("deliveries 'stored' = distinct events sent", counts.stored, expected.distinctEvents),
    eq("deliveries 'duplicate' = duplicates sent", counts.duplicate, duplicates),
    eq('sum(call_event.duplicate_count) = duplicates sent', counts.duplicate_sum, duplicates),
    eq("deliveries 'rejected'", counts.rejected, 0),
    eq('accepted deliveries without an event', counts.unlinked, 0),
    eq('call rows = distinct calls sent', counts.calls, expected.calls),
  ];
}
