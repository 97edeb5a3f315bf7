import { AppError } from '@/lib/http/errors';
import { isPgTimestamp } from '@/lib/schemas/pg-text';

// Keyset cursor of the actions list (oldest first): the last row's creation time and id.

export interface ActionCursor {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeActionCursor(cursor: ActionCursor): string {
  return Buffer.from(JSON.stringify(['actions', cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeActionCursor(text: string): ActionCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [tag, createdAt, id] = parsed as unknown[];
      if (tag === 'actions' && typeof createdAt === 'string' && isPgTimestamp(createdAt) && typeof id === 'string' && UUID.test(id)) return { createdAt, id };
    }
  } catch {
    // reported below
  }
  throw new AppError(400, 'invalid_cursor', 'cursor is not one this API issued');
}
