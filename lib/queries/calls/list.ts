import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { resolveDateRange } from '@/lib/call-date-range';
import { getTeamTimeZone } from '@/lib/queries/admin/settings';
import { maskRows } from '@/lib/queries/privacy';
import type { CallExportFilters, CallFilters, CallListItem, CallsPage } from '@/lib/schemas/calls';
import { isDateOnly } from '@/lib/time-zone';
import { decodeCallCursor, encodeCallCursor } from './cursor';
import { isNullableSort, listConditions, type PageRequest, SORT_FIELD } from './list-sql';
import { fetchPage } from './page';

export type { CallListItem, CallsPage } from '@/lib/schemas/calls';

/** Sort and direction may be left out: the calls that happened last first. */
export type ListCallsInput = Omit<CallFilters, 'sort' | 'dir'> & Partial<Pick<CallFilters, 'sort' | 'dir'>>;

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
  const filters = { ...input, sort: input.sort ?? 'happened', dir: input.dir ?? 'desc' } as const;
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
    // Viewers get personal data masked; search still matched the full number (it runs in SQL).
    calls: await maskRows(actor, calls, (c) => c.id),
    nextCursor: rows.length > limit && last ? encodeCallCursor({ sort, dir, value: cursorValue(last, sort), id: last.id }) : null,
    asOf,
  };
}
