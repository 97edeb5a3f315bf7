import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { type JsonValue, pool } from '@/lib/db';
import type { StorageWarning } from '@/lib/ingest/storable';
import { CALL_STATUSES, type CallStatus } from '@/lib/providers/types';
import { maskRowsAsOnePerson, privacyFor } from '@/lib/queries/privacy';

// One call for its page and GET /api/calls/{id}: the call with its timeline, actions and credit
// entries (getCall), what each event asserts about the call (read from its normalized facts in
// SQL, for getCallDetail), and the customer's other calls.

// Every column of call the detail view reads, by its name in the read model. search_text holds
// whole phone numbers for the search index (never part of a read model); search_vector is the
// database's own.
const CALL_COLUMNS = `id, provider, provider_call_id AS "providerCallId", status, provider_status AS "providerStatus", final,
  end_reason AS "endReason", direction, customer_number AS "customerNumber", from_number AS "fromNumber", to_number AS "toNumber",
  agent_id AS "agentId", application_id AS "applicationId", metadata, variables, started_at AS "startedAt", ended_at AS "endedAt",
  duration_seconds AS "durationSeconds", recording_url AS "recordingUrl", detail_url AS "detailUrl", attempts,
  re_attempt_count AS "reAttemptCount", rescheduled_count AS "rescheduledCount", transcript, summary, success, disposition, analysis,
  credits_used AS "creditsUsed", credits_available AS "creditsAvailable", event_count AS "eventCount",
  occurred_at AS "occurredAt", first_event_at AS "firstEventAt", last_event_at AS "lastEventAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface CallRow {
  id: string;
  provider: string;
  providerCallId: string;
  status: string;
  providerStatus: string | null;
  final: boolean;
  endReason: string | null;
  direction: string | null;
  customerNumber: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  agentId: string | null;
  applicationId: string | null;
  metadata: JsonValue;
  variables: JsonValue;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordingUrl: string | null;
  detailUrl: string | null;
  attempts: number;
  reAttemptCount: number | null;
  rescheduledCount: number | null;
  transcript: JsonValue | null;
  summary: string | null;
  success: boolean | null;
  disposition: string | null;
  analysis: JsonValue | null;
  creditsUsed: number | null;
  creditsAvailable: number | null;
  eventCount: number;
  /** When the call happened: its start, else its first provider-stamped event, else its first receipt. */
  occurredAt: Date;
  firstEventAt: Date;
  lastEventAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface CallEventRow {
  id: string;
  type: string;
  known: boolean;
  occurredAt: Date | null;
  receivedAt: Date;
  duplicateCount: number;
  signed: boolean;
  payload: JsonValue;
}

export interface CallActionRow {
  id: string;
  kind: string;
  rawKind: string;
  reason: string | null;
  status: string;
  payload: JsonValue;
  createdAt: Date;
}

export interface CreditEntryRow {
  at: Date;
  used: number;
  available: number | null;
}

/** One call with everything the detail view shows: timeline, actions and credit entries. */
export async function getCall(actor: Actor, id: string) {
  assertCan(actor, 'calls:read');
  const db = pool();
  const [calls, events, actions, creditEntries, privacy] = await Promise.all([
    db.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM call WHERE id = $1`, [id]),
    db.query<CallEventRow>(
      `SELECT id, type, known, occurred_at AS "occurredAt", received_at AS "receivedAt", duplicate_count AS "duplicateCount", signed, payload
         FROM call_event WHERE call_id = $1 ORDER BY received_at, id`,
      [id],
    ),
    db.query<CallActionRow>(
      `SELECT id, kind, raw_kind AS "rawKind", reason, status, payload, created_at AS "createdAt"
         FROM action WHERE call_id = $1 ORDER BY created_at, id`,
      [id],
    ),
    db.query<CreditEntryRow>('SELECT at, used, available FROM credit_entry WHERE call_id = $1 ORDER BY at', [id]),
    privacyFor(actor, [id]),
  ]);
  const call = calls.rows[0];
  return call ? privacy.mask(id, { ...call, events: events.rows, actions: actions.rows, creditEntries: creditEntries.rows }) : null;
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCall>>>;

export type CallDetailEvent = CallDetail['events'][number] & { status: CallStatus | null; reschedule: boolean; warnings: StorageWarning[] };
/** Without `searchText`: it holds whole phone numbers that masking (whole-value) does not catch. */
export type CallDetailView = Omit<CallDetail, 'events' | 'searchText'> & { events: CallDetailEvent[] };

interface EventFactsRow {
  id: string;
  status: string | null;
  reschedule: boolean | null;
  warnings: StorageWarning[] | null;
}

function isStatus(value: string | null): value is CallStatus {
  return value !== null && (CALL_STATUSES as readonly string[]).includes(value);
}

/** What each event asserts and what storing it changed, read in SQL so the large `normalized` JSON never leaves the database. */
async function eventFacts(callId: string): Promise<Map<string, { status: CallStatus | null; reschedule: boolean; warnings: StorageWarning[] }>> {
  const { rows } = await pool().query<EventFactsRow>(
    `SELECT id::text AS id,
            normalized->'facts'->>'status' AS status,
            (normalized->'facts'->>'reschedule')::boolean AS reschedule,
            normalized->'warnings' AS warnings
       FROM call_event
      WHERE call_id = $1::uuid`,
    [callId],
  );
  return new Map(rows.map((r) => [r.id, { status: isStatus(r.status) ? r.status : null, reschedule: r.reschedule === true, warnings: r.warnings ?? [] }]));
}

/** The call as getCall returns it (masked for viewers), each event with its status and reschedule marker. */
export async function getCallDetail(actor: Actor, id: string): Promise<CallDetailView | null> {
  assertCan(actor, 'calls:read');
  const [call, facts] = await Promise.all([getCall(actor, id), eventFacts(id)]);
  if (!call) return null;
  return {
    ...call,
    events: call.events.map((e) => ({
      ...e,
      status: facts.get(e.id)?.status ?? null,
      reschedule: facts.get(e.id)?.reschedule ?? false,
      warnings: facts.get(e.id)?.warnings ?? [],
    })),
  };
}

export interface OtherCall {
  id: string;
  provider: string;
  status: string;
  direction: string | null;
  startedAt: Date | null;
  /** When the call happened: what places it in the list. */
  occurredAt: Date;
  lastEventAt: Date;
  durationSeconds: number | null;
  summary: string | null;
}

interface OtherCallRow {
  id: string;
  provider: string;
  status: string;
  direction: string | null;
  started_at: Date | null;
  occurred_at: Date;
  last_event_at: Date;
  duration_seconds: number | null;
  summary: string | null;
}

/**
 * The other calls with the same customer number, the most recent to happen first (of calls that
 * happened at the same moment, the latest active first). The number is looked up inside the
 * query, so a viewer (who only ever sees it masked) gets the same answer. Shaped for an index on
 * (customer_number, occurred_at DESC, last_event_at DESC, id DESC): an equality probe plus an
 * ordered, limited range scan.
 */
export async function listOtherCalls(actor: Actor, callId: string, limit = 10): Promise<OtherCall[]> {
  assertCan(actor, 'calls:read');
  const { rows } = await pool().query<OtherCallRow>(
    `SELECT c.id::text AS id, c.provider, c.status, c.direction, c.started_at, c.occurred_at, c.last_event_at, c.duration_seconds, c.summary
       FROM call c
      WHERE c.customer_number = (SELECT customer_number FROM call WHERE id = $1::uuid)
        AND c.id <> $1::uuid
      ORDER BY c.occurred_at DESC, c.last_event_at DESC, c.id DESC
      LIMIT $2`,
    [callId, limit],
  );
  const calls = rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    status: r.status,
    direction: r.direction,
    startedAt: r.started_at,
    occurredAt: r.occurred_at,
    lastEventAt: r.last_event_at,
    durationSeconds: r.duration_seconds,
    summary: r.summary,
  }));
  // They are all the same customer: what any of them names is masked in every one.
  return maskRowsAsOnePerson(actor, calls, [callId, ...calls.map((c) => c.id)]);
}
