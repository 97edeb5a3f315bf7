import { randomUUID } from 'node:crypto';
import { testDb, uid } from './webhooks';

// Helpers for the alert tests: the rows each rule watches, made straight in the tables at the
// moments a test chooses, and the alerts as stored.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** A moment a few days back that only this test's deliveries occupy (others post at the present; the prune keeps 29 days). */
export function recentMoment(): Date {
  return new Date(Date.now() - 3 * DAY - Math.floor(Math.random() * 3 * 24 * 60) * MINUTE);
}

/** A moment decades back (calls, credits): no other test writes there. */
export function farMoment(): Date {
  return new Date(Date.UTC(1991, 0, 1) + Math.floor(Math.random() * 8000) * DAY + 12 * HOUR);
}

/** A fresh action kind nobody else uses (alerts are per kind). */
export const freshKind = () =>
  uid('kind')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');

/** Pending actions of `kind`, each raised at the given moment. */
export async function pendingActions(kind: string, createdAt: Date[]): Promise<string[]> {
  const ids: string[] = [];
  for (const at of createdAt) {
    const key = randomUUID();
    const { rows } = await testDb().query<{ id: string }>(
      `WITH e AS (INSERT INTO call_event (provider, dedupe_key, type, payload, normalized) VALUES ('mirai', $1, 'action', '{}', '{}') RETURNING id)
       INSERT INTO action (provider, event_id, kind, raw_kind, payload, created_at) SELECT 'mirai', e.id, $2, $2, '{}', $3 FROM e RETURNING id`,
      [`alerts:${key}`, kind, at],
    );
    ids.push(String(rows[0]?.id));
  }
  return ids;
}

/** Deliveries of a provider at the given moments, accepted or refused. */
export async function deliveries(
  provider: string,
  at: Date[],
  outcome: 'stored' | 'rejected' | 'failed' = 'stored',
  errorCode: string | null = null,
): Promise<void> {
  await testDb().query(
    `INSERT INTO delivery (provider, endpoint, received_at, body, body_size, verification, outcome, http_status, error_code)
     SELECT $1, '/api/webhooks/' || $1, t, '\\x7b7d', 2, CASE WHEN $3 = 'rejected' THEN 'invalid' ELSE 'valid' END, $3, CASE WHEN $3 = 'stored' THEN 200 ELSE 401 END, $4
     FROM unnest($2::timestamptz[]) t`,
    [provider, at, outcome, errorCode],
  );
}

/** A credit report of a provider at a moment. */
export async function creditEntry(provider: string, at: Date, used: number, available: number | null): Promise<void> {
  await testDb().query(
    `WITH e AS (INSERT INTO call_event (provider, dedupe_key, type, payload, normalized, received_at) VALUES ($1, $2, 'credits', '{}', '{}', $3) RETURNING id)
     INSERT INTO credit_entry (provider, event_id, at, used, available) SELECT $1, e.id, $3, $4, $5 FROM e`,
    [provider, `alerts:${randomUUID()}`, at, used, available],
  );
}

/** A call of `provider` with events of the given types received at `at`. */
export async function callWithEvents(provider: string, at: Date, types: string[]): Promise<{ id: string }> {
  const providerCallId = uid('alertcall');
  const { rows } = await testDb().query<{ id: string }>(
    `INSERT INTO call (provider, provider_call_id, status, last_event_at, occurred_at) VALUES ($1, $2, 'completed', $3, $3) RETURNING id`,
    [provider, providerCallId, at],
  );
  const id = String(rows[0]?.id);
  await addEvents(provider, id, at, types);
  return { id };
}

export async function addEvents(provider: string, callId: string, at: Date, types: string[]): Promise<void> {
  for (const type of types) {
    await testDb().query(
      `INSERT INTO call_event (provider, dedupe_key, call_id, type, payload, normalized, received_at) VALUES ($1, $2, $3, $4, '{}', '{}', $5)`,
      [provider, `alerts:${randomUUID()}`, callId, type, at],
    );
  }
  await testDb().query('UPDATE call SET last_event_at = GREATEST(last_event_at, $2) WHERE id = $1', [callId, at]);
}

export interface StoredAlert {
  id: string;
  rule: string;
  subject: string;
  state: string;
  severity: string;
  title: string;
  link: string | null;
  facts: Record<string, unknown>;
  opened_at: Date;
  resolved_at: Date | null;
}

/** Every alert of a rule and subject, oldest first. */
export async function alertsOf(rule: string, subject: string): Promise<StoredAlert[]> {
  const { rows } = await testDb().query<StoredAlert>('SELECT * FROM alert WHERE rule = $1 AND subject = $2 ORDER BY opened_at, id', [rule, subject]);
  return rows;
}
