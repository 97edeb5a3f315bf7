import { AppError } from '@/lib/http/errors';
import type { CallSort } from '@/lib/schemas/calls';
import { isPgTimestamp } from '@/lib/schemas/pg-text';

// Keyset cursor of the calls list: the last row's sort value and id, for the sort it was made
// for. A null value means paging has reached the calls without one (nulls always come last).
// Cursors from before sorting existed ('<iso>|<uuid>', last activity newest first) still work.

export interface CallCursor {
  sort: CallSort;
  dir: 'asc' | 'desc';
  /** ISO time for time sorts, a number for duration and credits, null past the last value. */
  value: string | number | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCallCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.value, cursor.id])).toString('base64url');
}

function invalid(): AppError {
  return new AppError(400, 'invalid_cursor', 'cursor is not one this API issued');
}

function legacy(text: string): CallCursor | null {
  const [iso, id] = text.split('|');
  if (!iso || !id || !UUID.test(id) || !isPgTimestamp(iso)) return null;
  return { sort: 'activity', dir: 'desc', value: new Date(iso).toISOString(), id };
}

function validValue(sort: CallSort, value: unknown): value is string | number | null {
  if (value === null) return sort !== 'activity' && sort !== 'happened';
  if (sort === 'happened' || sort === 'activity' || sort === 'started') return typeof value === 'string' && isPgTimestamp(value);
  return typeof value === 'number' && Number.isFinite(value);
}

/** The cursor, checked against the sort of the request it comes with. */
export function decodeCallCursor(text: string, sort: CallSort, dir: 'asc' | 'desc'): CallCursor {
  const raw = Buffer.from(text, 'base64url').toString('utf8');
  let cursor: CallCursor | null = null;
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && parsed.length === 4) {
        const [s, d, value, id] = parsed as unknown[];
        if (s === sort && d === dir && typeof id === 'string' && UUID.test(id) && validValue(sort, value)) cursor = { sort, dir, value, id };
      }
    } catch {
      cursor = null;
    }
  } else {
    cursor = legacy(raw);
    if (cursor && (cursor.sort !== sort || cursor.dir !== dir)) cursor = null;
  }
  if (!cursor) throw invalid();
  return cursor;
}
