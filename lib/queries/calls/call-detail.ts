import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { pool } from '@/lib/db';
import type { StorageWarning } from '@/lib/ingest/storable';
import { CALL_STATUSES, type CallStatus } from '@/lib/providers/types';
import { maskPersonalData } from '@/lib/privacy';
import { getCall, type CallDetail } from './calls';

// Reads the call detail page needs beyond getCall: what each event asserts about the call
// (from its normalized facts, which getCall does not select) and the customer's other calls.

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
    events: call.events.map((e) => ({ ...e, status: facts.get(e.id)?.status ?? null, reschedule: facts.get(e.id)?.reschedule ?? false, warnings: facts.get(e.id)?.warnings ?? [] })),
  };
}

export interface OtherCall {
  id: string;
  provider: string;
  status: string;
  direction: string | null;
  startedAt: Date | null;
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
  last_event_at: Date;
  duration_seconds: number | null;
  summary: string | null;
}

/**
 * The newest other calls with the same customer number, newest activity first. The number is
 * looked up inside the query, so a viewer (who only ever sees it masked) gets the same answer.
 * Shaped for an index on (customer_number, last_event_at DESC, id DESC): an equality probe
 * plus an ordered, limited range scan.
 */
export async function listOtherCalls(actor: Actor, callId: string, limit = 10): Promise<OtherCall[]> {
  assertCan(actor, 'calls:read');
  const { rows } = await pool().query<OtherCallRow>(
    `SELECT c.id::text AS id, c.provider, c.status, c.direction, c.started_at, c.last_event_at, c.duration_seconds, c.summary
       FROM call c
      WHERE c.customer_number = (SELECT customer_number FROM call WHERE id = $1::uuid)
        AND c.id <> $1::uuid
      ORDER BY c.last_event_at DESC, c.id DESC
      LIMIT $2`,
    [callId, limit],
  );
  const calls = rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    status: r.status,
    direction: r.direction,
    startedAt: r.started_at,
    lastEventAt: r.last_event_at,
    durationSeconds: r.duration_seconds,
    summary: r.summary,
  }));
  return can(actor.role, 'personal-data:read') ? calls : maskPersonalData(calls);
}
