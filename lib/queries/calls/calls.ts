import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { resolveDateRange } from '@/lib/call-date-range';
import { type JsonValue, pool } from '@/lib/db';
import { maskPersonalData } from '@/lib/privacy';
import type { CallExportFilters, CallFilters, CallListItem, CallsPage } from '@/lib/schemas/calls';
import { isDateOnly } from '@/lib/time-zone';
import { decodeCallCursor, encodeCallCursor } from './call-cursor';
import { isNullableSort, listConditions, SORT_FIELD, type PageRequest } from './call-list-sql';
import { fetchPage } from './call-page';
import { getTeamTimeZone } from '@/lib/queries/admin/settings';

export type { CallListItem, CallsPage } from '@/lib/schemas/calls';

/** Sort and direction may be left out: newest activity first. */
export type ListCallsInput = Omit<CallFilters, 'sort' | 'dir'> & Partial<Pick<CallFilters, 'sort' | 'dir'>>;

/** Viewers get personal data masked; search still matches the full number (it runs in SQL). */
export function forActor<T>(actor: Actor, value: T): T {
  return can(actor.role, 'personal-data:read') ? value : maskPersonalData(value);
}

/** The zone that days mean for these filters: the request's, the team's, else UTC. */
export async function filterTimeZone(actor: Actor, filters: Pick<CallExportFilters, 'tz' | 'range' | 'from' | 'to'>): Promise<string> {
  if (filters.tz) return filters.tz;
  const needsZone = filters.range || (filters.from && isDateOnly(filters.from)) || (filters.to && isDateOnly(filters.to));
  return (needsZone && (await getTeamTimeZone(actor))) || 'UTC';
}

/** The SQL conditions for a request's filters, its dates resolved in the right zone. */
export async function conditionsFor(actor: Actor, filters: CallExportFilters & { updatedSince?: string }) {
  const { from, to } = resolveDateRange(filters, await filterTimeZone(actor, filters));
  return listConditions({ ...filters, from, to, updatedSince: filters.updatedSince ? new Date(filters.updatedSince) : undefined });
}

function cursorValue(call: CallListItem, sort: CallFilters['sort']): string | number | null {
  const value = call[SORT_FIELD[sort]];
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * One keyset page of calls in the requested order. A nullable sort pages through the calls with
 * a value first, then those without; one page may take rows from both.
 */
export async function listCalls(actor: Actor, input: ListCallsInput): Promise<CallsPage> {
  assertCan(actor, 'calls:read');
  const filters = { ...input, sort: input.sort ?? 'activity', dir: input.dir ?? 'desc' } as const;
  const { sort, dir, limit } = filters;
  // Taken before reading, so anything newer than the page counts as new, never as missed.
  const asOf = new Date();
  const cursor = filters.cursor ? decodeCallCursor(filters.cursor, sort, dir) : null;
  const conditions = await conditionsFor(actor, filters);
  const want = limit + 1;
  const page = (phase: PageRequest['phase'], after: PageRequest['after'], n: number) => fetchPage(conditions, { sort, dir, phase, after, limit: n });

  let rows: CallListItem[];
  if (cursor?.value === null) {
    rows = await page('nulls', cursor, want);
  } else {
    rows = await page('values', cursor, want);
    if (rows.length < want && isNullableSort(sort)) rows = rows.concat(await page('nulls', null, want - rows.length));
  }
  const calls = rows.slice(0, limit);
  const last = calls.at(-1);
  return {
    calls: forActor(actor, calls),
    nextCursor: rows.length > limit && last ? encodeCallCursor({ sort, dir, value: cursorValue(last, sort), id: last.id }) : null,
    asOf,
  };
}

// Every column of call the detail view reads, by its name in the read model. search_text holds
// whole phone numbers for the search index (never part of a read model); search_vector is the
// database's own.
const CALL_COLUMNS = `id, provider, provider_call_id AS "providerCallId", status, provider_status AS "providerStatus", final,
  end_reason AS "endReason", direction, customer_number AS "customerNumber", from_number AS "fromNumber", to_number AS "toNumber",
  agent_id AS "agentId", application_id AS "applicationId", metadata, variables, started_at AS "startedAt", ended_at AS "endedAt",
  duration_seconds AS "durationSeconds", recording_url AS "recordingUrl", detail_url AS "detailUrl", attempts,
  re_attempt_count AS "reAttemptCount", rescheduled_count AS "rescheduledCount", transcript, summary, success, disposition, analysis,
  credits_used AS "creditsUsed", credits_available AS "creditsAvailable", event_count AS "eventCount",
  first_event_at AS "firstEventAt", last_event_at AS "lastEventAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

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
  const [calls, events, actions, creditEntries] = await Promise.all([
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
  ]);
  const call = calls.rows[0];
  return call ? forActor(actor, { ...call, events: events.rows, actions: actions.rows, creditEntries: creditEntries.rows }) : null;
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCall>>>;
