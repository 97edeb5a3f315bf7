import 'server-only';
import { pool } from '@/lib/db';
import type { CallListItem } from '@/lib/schemas/calls';
import type { Sql } from '@/lib/sql';
import { boundedSql, type Conditions, indexOrderSql, matchedSetSql, type PageRequest } from './list-sql';

// Runs one keyset page of one phase, choosing how to find the rows (see list-sql.ts).
// Measured on a million calls: a full number, a call id or a rare word answers from the matched
// set; a common word or a store name fills its page from the first rows of the index.

/** Rows of the sort's index looked at before concluding that matches are sparse. */
const BOUND = 5000;
/** Matches collected and sorted at most; more means the index walk is the better plan. */
const CAP = 10_000;

async function rowsOf<T>(query: Sql): Promise<T[]> {
  return (await pool().query<T & object>(query.text, query.values)).rows;
}

export async function fetchPage(conditions: Conditions, page: PageRequest): Promise<CallListItem[]> {
  if (conditions.searched.length === 0) return rowsOf<CallListItem>(indexOrderSql(conditions, page));

  const bounded = await rowsOf<CallListItem>(boundedSql(conditions, page, BOUND));
  if (bounded.length === page.limit) return bounded;

  const matched = await rowsOf<CallListItem & { matchedCount?: number }>(matchedSetSql(conditions, page, CAP + 1));
  if ((matched[0]?.matchedCount ?? 0) <= CAP) return matched.map(({ matchedCount: _, ...call }) => call);

  return rowsOf<CallListItem>(indexOrderSql(conditions, page));
}
