import { AppError } from '@/lib/http/errors';
import { isPgTimestamp } from '@/lib/schemas/pg-text';

// Keyset cursor over (time DESC, id DESC): stable while new rows arrive above it.

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !isPgTimestamp(iso ?? '') || !/^[0-9a-f-]{36}$/.test(id)) throw new AppError(400, 'invalid_cursor', 'cursor is not one this API issued');
  return { at, id };
}
