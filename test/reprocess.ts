import { testDb } from './webhooks';

// What the reprocess tests read back: rows of any table, and every table reprocessing may touch.

export type Row = Record<string, unknown>;

export const rows = async (sql: string, params: unknown[] = []) => (await testDb().query<Row>(sql, params)).rows;

/** Every table reprocessing may touch, whole, in a stable order. */
export async function snapshot() {
  return {
    calls: await rows('SELECT * FROM call ORDER BY provider, provider_call_id'),
    events: await rows('SELECT * FROM call_event ORDER BY provider, dedupe_key'),
    deliveries: await rows('SELECT id, outcome, event_id, call_id, event_type, http_status, error_code, warnings FROM delivery ORDER BY received_at, id'),
    actions: await rows('SELECT * FROM action ORDER BY event_id'),
    credits: await rows('SELECT * FROM credit_entry ORDER BY event_id'),
  };
}
