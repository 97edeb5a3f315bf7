import { describe, expect, it } from 'vitest';
import { decodeActionCursor, encodeActionCursor } from './cursor';

describe('action cursors', () => {
  it('round-trips', () => {
    const cursor = { createdAt: '2026-12-05T10:00:00.123Z', id: '0b7d6a51-3c1e-4e55-9d3b-1f2a3b4c5d6e' };
    expect(decodeActionCursor(encodeActionCursor(cursor))).toEqual(cursor);
  });

  it.each([
    'zzz',
    '',
    Buffer.from('["calls","2026-12-05T10:00:00Z","0b7d6a51-3c1e-4e55-9d3b-1f2a3b4c5d6e"]').toString('base64url'),
    Buffer.from('["actions","not a time","0b7d6a51-3c1e-4e55-9d3b-1f2a3b4c5d6e"]').toString('base64url'),
    Buffer.from('["actions","2026-12-05T10:00:00Z","nope"]').toString('base64url'),
  ])('refuses %s with 400 invalid_cursor', (text) => {
    expect(() => decodeActionCursor(text)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_cursor' }));
  });
});
