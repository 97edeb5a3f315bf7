import type { CallSort } from '@/lib/schemas/calls';
import { empty, join, raw, type Sql, sql } from '@/lib/sql';
import { hasLexeme, searchTerms } from './search';

// The SQL of the calls list and its export, built from parameterised fragments (lib/sql.ts). The
// search runs on a tsvector column, and each sort pages on its own index (see the @@index list on
// Call): the keyset condition is a row comparison the index can seek to, so page 1,000 costs what
// page 1 costs.

/** Filters with dates already resolved to instants in the team's zone. */
export interface ListConditions {
  provider?: string[];
  status?: string[];
  outcome?: string;
  success?: 'yes' | 'no';
  pending?: 'yes' | 'no';
  agent?: string;
  meta?: { key: string; value: string };
  from?: Date;
  to?: Date;
  updatedSince?: Date;
  q?: string;
}

export const LIST_COLUMNS = raw(`c.id, c.provider, c.provider_call_id AS "providerCallId", c.status, c.provider_status AS "providerStatus",
  c.final, c.direction, c.customer_number AS "customerNumber", c.agent_id AS "agentId", c.application_id AS "applicationId",
  c.started_at AS "startedAt", c.ended_at AS "endedAt", c.duration_seconds AS "durationSeconds", c.success, c.summary,
  coalesce(c.disposition, c.end_reason) AS outcome, c.credits_used AS "creditsUsed", c.attempts, c.event_count AS "eventCount",
  c.occurred_at AS "occurredAt", c.last_event_at AS "lastEventAt", c.metadata,
  (SELECT count(*)::int FROM action a WHERE a.call_id = c.id AND a.status = 'pending') AS "pendingActions"`);

const SORT_COLUMNS: Record<CallSort, { column: Sql; nullable: boolean; type: Sql }> = {
  happened: { column: raw('c.occurred_at'), nullable: false, type: raw('timestamptz') },
  activity: { column: raw('c.last_event_at'), nullable: false, type: raw('timestamptz') },
  started: { column: raw('c.started_at'), nullable: true, type: raw('timestamptz') },
  duration: { column: raw('c.duration_seconds'), nullable: true, type: raw('float8') },
  credits: { column: raw('c.credits_used'), nullable: true, type: raw('float8') },
};

/** The column whose value a cursor carries, as the row reports it. */
export const SORT_FIELD: Record<CallSort, 'occurredAt' | 'lastEventAt' | 'startedAt' | 'durationSeconds' | 'creditsUsed'> = {
  happened: 'occurredAt',
  activity: 'lastEventAt',
  started: 'startedAt',
  duration: 'durationSeconds',
  credits: 'creditsUsed',
};

export function isNullableSort(sort: CallSort): boolean {
  return SORT_COLUMNS[sort].nullable;
}

/** One value: a plain equality, so the (column, occurred_at | last_event_at, id) index also gives the order. */
const oneOf = (column: Sql, values: string[]): Sql => (values.length === 1 ? sql`${column} = ${values[0]}` : sql`${column} = ANY(${values}::text[])`);

function searchCondition(q: string): Sql {
  const terms = searchTerms(q);
  const parts = [sql`websearch_to_tsquery('simple', ${terms.text})`];
  if (terms.english) parts.push(sql`websearch_to_tsquery('english', ${terms.text})`);
  if (terms.phoneKey) parts.push(sql`to_tsquery('simple', ${terms.phoneKey})`);
  const match = sql`c.search_vector @@ (${join(parts, ' || ')})`;
  return terms.callId ? sql`(${match} OR c.id = ${terms.callId}::uuid)` : match;
}

/**
 * Agent ids and metadata values are in search_text too, so the search index narrows the rows
 * before the exact check: a rare agent among a million calls is found without a scan, and no
 * extra index has to be kept up to date on the ingest path.
 */
function indexedExact(value: string, exact: Sql): Sql {
  return hasLexeme(value) ? sql`(c.search_vector @@ plainto_tsquery('simple', ${value}) AND ${exact})` : exact;
}

/** Conditions the sort's index can check as it walks, and those that need the search index. */
export interface Conditions {
  plain: Sql[];
  searched: Sql[];
}

export function listConditions(f: ListConditions): Conditions {
  const plain: Sql[] = [];
  const searched: Sql[] = [];
  if (f.provider?.length) plain.push(oneOf(raw('c.provider'), f.provider));
  if (f.status?.length) plain.push(oneOf(raw('c.status'), f.status));
  if (f.outcome) plain.push(sql`coalesce(c.disposition, c.end_reason) = ${f.outcome}`);
  if (f.success) plain.push(f.success === 'yes' ? sql`c.success = true` : sql`c.success = false`);
  if (f.pending) {
    const exists = sql`EXISTS (SELECT 1 FROM action a WHERE a.call_id = c.id AND a.status = 'pending')`;
    plain.push(f.pending === 'yes' ? exists : sql`NOT ${exists}`);
  }
  // Dates are on when the call happened; "what changed since" is on its latest activity.
  if (f.from) plain.push(sql`c.occurred_at >= ${f.from}`);
  if (f.to) plain.push(sql`c.occurred_at < ${f.to}`);
  if (f.updatedSince) plain.push(sql`c.last_event_at > ${f.updatedSince}`);
  if (f.agent) searched.push(indexedExact(f.agent, sql`(c.agent_id = ${f.agent} OR c.application_id = ${f.agent})`));
  if (f.meta) {
    // search_text holds string and number values only; a boolean is checked without the index.
    const exact = sql`c.metadata ->> ${f.meta.key} = ${f.meta.value}`;
    searched.push(/^(true|false|null)$/.test(f.meta.value) ? exact : indexedExact(f.meta.value, exact));
  }
  if (f.q) searched.push(searchCondition(f.q));
  return { plain, searched };
}

const whereClause = (conditions: Sql[]): Sql => (conditions.length ? sql`WHERE ${join(conditions, ' AND ')}` : empty);

export interface PageRequest {
  sort: CallSort;
  dir: 'asc' | 'desc';
  /** 'values': rows with a sort value; 'nulls': the rows without one, which come after. */
  phase: 'values' | 'nulls';
  after: { value: string | number | null; id: string } | null;
  limit: number;
}

/** The page's position: which phase, and past which row. */
function keyset(page: PageRequest): Sql[] {
  const { column, nullable, type } = SORT_COLUMNS[page.sort];
  const beyond = raw(page.dir === 'asc' ? '>' : '<');
  if (page.phase === 'values') {
    const out = nullable ? [sql`${column} IS NOT NULL`] : [];
    if (page.after) out.push(sql`(${column}, c.id) ${beyond} (${page.after.value}::${type}, ${page.after.id}::uuid)`);
    return out;
  }
  if (!nullable) throw new Error(`sort ${page.sort} has no nulls phase`);
  return page.after ? [sql`${column} IS NULL`, sql`c.id ${beyond} ${page.after.id}::uuid`] : [sql`${column} IS NULL`];
}

/** ORDER BY the sort column then id; in the nulls phase too, so the index's own order serves. */
function orderBy(page: PageRequest, column: Sql = SORT_COLUMNS[page.sort].column, id: Sql = raw('c.id')): Sql {
  const direction = raw(page.dir === 'asc' ? 'ASC' : 'DESC');
  return sql`ORDER BY ${column} ${direction}, ${id} ${direction}`;
}

/**
 * Walks the sort's index and filters as it goes: one index seek and a few rows when matches are
 * common, which they are for every filter but the searched ones.
 */
export function indexOrderSql(conditions: Conditions, page: PageRequest): Sql {
  const all = [...conditions.plain, ...conditions.searched, ...keyset(page)];
  return sql`SELECT ${LIST_COLUMNS} FROM call c ${whereClause(all)} ${orderBy(page)} LIMIT ${page.limit}`;
}

/*
 * Searched filters get three tries, cheapest first, because the planner cannot tell how many rows
 * a tsquery matches (a phone number and a common word get the same guess):
 *   1. boundedSql: the newest `bound` rows in sort order, then the search; a full page means the
 *      matches are common and this is the answer.
 *   2. matchedSetSql: every search hit through the search index (up to `cap`), then the other
 *      filters, sorted; right when hits are few, and `matchedCount` says whether the cap was reached.
 *   3. indexOrderSql: many matches spread thin; walking the index is what is left.
 */
export function boundedSql(conditions: Conditions, page: PageRequest, bound: number): Sql {
  const inner = sql`SELECT * FROM call c ${whereClause([...conditions.plain, ...keyset(page)])} ${orderBy(page)} LIMIT ${bound}`;
  return sql`SELECT ${LIST_COLUMNS} FROM (${inner}) c ${whereClause(conditions.searched)} ${orderBy(page)} LIMIT ${page.limit}`;
}

/** What the plain filters, keyset and sorts read: a search hit carries these and nothing heavier. */
const HIT_COLUMNS = raw(
  'c.id, c.provider, c.status, c.disposition, c.end_reason, c.success, c.occurred_at, c.last_event_at, c.started_at, c.duration_seconds, c.credits_used',
);

export function matchedSetSql(conditions: Conditions, page: PageRequest, cap: number): Sql {
  // Hits come from the search index alone and carry the columns the other filters need, so they
  // are filtered and sorted where they are. Joined back to call instead, the planner (which
  // guesses thousands of hits for any tsquery) would hash the whole table to find three rows.
  return sql`WITH hits AS MATERIALIZED (SELECT ${HIT_COLUMNS} FROM call c ${whereClause(conditions.searched)} LIMIT ${cap}),
    page AS (SELECT c.id, ${SORT_COLUMNS[page.sort].column} AS k FROM hits c ${whereClause([...conditions.plain, ...keyset(page)])}
             ${orderBy(page)} LIMIT ${page.limit})
    SELECT ${LIST_COLUMNS}, (SELECT count(*)::int FROM hits) AS "matchedCount"
    FROM page p JOIN call c ON c.id = p.id ${orderBy(page, raw('p.k'), raw('p.id'))}`;
}

/** Every matching call in the list's order, for a server-side cursor (the CSV export). */
export function exportSql(conditions: Conditions, sort: CallSort, dir: 'asc' | 'desc'): Sql {
  const { column } = SORT_COLUMNS[sort];
  const direction = raw(dir === 'asc' ? 'ASC' : 'DESC');
  return sql`SELECT ${LIST_COLUMNS}, c.from_number AS "fromNumber", c.to_number AS "toNumber"
    FROM call c ${whereClause([...conditions.plain, ...conditions.searched])} ORDER BY ${column} ${direction} NULLS LAST, c.id ${direction}`;
}
