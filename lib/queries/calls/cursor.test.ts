import { describe, expect, it } from 'vitest';
import { type CallCursor, decodeCallCursor, encodeCallCursor } from './cursor';

const id = '0b9f4c5e-2d7a-4c1b-9e8f-1234567890ab';

describe('call cursors', () => {
  it.each<CallCursor>([
    { sort: 'activity', dir: 'desc', value: '2026-11-22T09:00:00.123Z', id },
    { sort: 'started', dir: 'asc', value: null, id },
    { sort: 'duration', dir: 'desc', value: 12.345, id },
    { sort: 'credits', dir: 'asc', value: 0, id },
  ])('round-trips %o', (cursor) => {
    expect(decodeCallCursor(encodeCallCursor(cursor), cursor.sort, cursor.dir)).toEqual(cursor);
  });

  it('refuses a cursor made for another sort or direction', () => {
    const text = encodeCallCursor({ sort: 'duration', dir: 'desc', value: 5, id });
    expect(() => decodeCallCursor(text, 'credits', 'desc')).toThrow(/cursor/);
    expect(() => decodeCallCursor(text, 'duration', 'asc')).toThrow(/cursor/);
  });

  it('refuses values that do not fit the sort, and garbage', () => {
    expect(() => decodeCallCursor(encodeCallCursor({ sort: 'activity', dir: 'desc', value: null, id }), 'activity', 'desc')).toThrow();
    expect(() => decodeCallCursor(encodeCallCursor({ sort: 'duration', dir: 'desc', value: 'soon', id }), 'duration', 'desc')).toThrow();
    expect(() => decodeCallCursor('zzz', 'activity', 'desc')).toThrow(expect.objectContaining({ code: 'invalid_cursor', status: 400 }));
    expect(() => decodeCallCursor(Buffer.from('[1,2').toString('base64url'), 'activity', 'desc')).toThrow();
  });

  it('still reads cursors from before sorting existed', () => {
    const legacy = Buffer.from(`2026-11-22T09:00:00.000Z|${id}`).toString('base64url');
    expect(decodeCallCursor(legacy, 'activity', 'desc')).toEqual({ sort: 'activity', dir: 'desc', value: '2026-11-22T09:00:00.000Z', id });
    expect(() => decodeCallCursor(legacy, 'duration', 'desc')).toThrow();
  });
});
