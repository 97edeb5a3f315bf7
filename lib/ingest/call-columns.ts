import type { CallProjection } from './fold';

// The call columns the fold owns, named once. Ingest (store-batch.ts) and reprocessing
// (refold.ts) both write the projection with these fragments, so a field the fold gains is a
// compile error here until it has a column, and the two writers cannot drift apart.

/** Projection field → [column, type the JSON value is read as]. */
const COLUMNS = {
  status: ['status', 'text'],
  providerStatus: ['provider_status', 'text'],
  final: ['final', 'bool'],
  endReason: ['end_reason', 'text'],
  direction: ['direction', 'text'],
  customerNumber: ['customer_number', 'text'],
  fromNumber: ['from_number', 'text'],
  toNumber: ['to_number', 'text'],
  agentId: ['agent_id', 'text'],
  applicationId: ['application_id', 'text'],
  metadata: ['metadata', 'jsonb'],
  variables: ['variables', 'jsonb'],
  startedAt: ['started_at', 'timestamptz'],
  endedAt: ['ended_at', 'timestamptz'],
  durationSeconds: ['duration_seconds', 'float8'],
  recordingUrl: ['recording_url', 'text'],
  detailUrl: ['detail_url', 'text'],
  attempts: ['attempts', 'int'],
  reAttemptCount: ['re_attempt_count', 'int'],
  rescheduledCount: ['rescheduled_count', 'int'],
  transcript: ['transcript', 'jsonb'],
  summary: ['summary', 'text'],
  success: ['success', 'bool'],
  disposition: ['disposition', 'text'],
  analysis: ['analysis', 'jsonb'],
  creditsUsed: ['credits_used', 'float8'],
  creditsAvailable: ['credits_available', 'float8'],
  eventCount: ['event_count', 'int'],
  firstEventAt: ['first_event_at', 'timestamptz'],
  lastEventAt: ['last_event_at', 'timestamptz'],
  occurredAt: ['occurred_at', 'timestamptz'],
  creditsAt: ['credits_at', 'timestamptz'],
  searchText: ['search_text', 'text'],
} as const satisfies { [K in keyof CallProjection]-?: readonly [string, string] };

const entries = Object.entries(COLUMNS) as [keyof CallProjection, readonly [string, string]][];

/** Column list of `jsonb_to_recordset(...) AS x(...)` for `(CallProjection & { id })[]`. */
export const CALL_RECORD = ['id uuid', ...entries.map(([field, [, type]]) => `"${field}" ${type}`)].join(', ');

/** `SET` list of `UPDATE call c ... FROM ... AS x(CALL_RECORD)`, without updated_at. */
export const CALL_SET = entries.map(([field, [column]]) => `${column} = x."${field}"`).join(', ');

/**
 * True when row `c` differs from projection `x`. Timestamps are compared at the column's
 * millisecond precision, so a value that would be stored unchanged counts as unchanged.
 */
export const CALL_CHANGED = `(${entries.map(([, [column]]) => `c.${column}`).join(', ')}) IS DISTINCT FROM (${entries
  .map(([field, [, type]]) => (type === 'timestamptz' ? `x."${field}"::timestamptz(3)` : `x."${field}"`))
  .join(', ')})`;
