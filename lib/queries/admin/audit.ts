import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { type JsonValue, pool } from '@/lib/db';
import { decodeCursor, encodeCursor } from '@/lib/queries/cursor';
import type { AuditFilters } from '@/lib/schemas/users';

// Reads of the append-only audit log. There is deliberately nothing here that writes to it:
// entries are written by lib/audit.ts inside the transaction of the change they record.

export interface AuditListItem {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The target as a person reads it (a user's email, a token's name), when it still exists. */
  targetLabel: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
  ip: string | null;
}

type AuditRow = Omit<AuditListItem, 'targetLabel'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names for the targets on one page: users by email, API tokens by name and prefix. */
async function targetLabels(entries: { targetType: string | null; targetId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(entries.flatMap((e) => (e.targetType === type && e.targetId ? [e.targetId] : [])))];
  const userIds = ids('user');
  const tokenIds = ids('api_token').filter((id) => UUID.test(id));
  const [users, tokens] = await Promise.all([
    userIds.length
      ? pool()
          .query<{ id: string; email: string }>('SELECT id, email FROM app_user WHERE id = ANY($1::text[])', [userIds])
          .then((r) => r.rows)
      : [],
    tokenIds.length
      ? pool()
          .query<{ id: string; name: string; prefix: string }>('SELECT id, name, prefix FROM api_token WHERE id = ANY($1::uuid[])', [tokenIds])
          .then((r) => r.rows)
      : [],
  ]);
  const labels = new Map<string, string>();
  for (const user of users) labels.set(`user:${user.id}`, user.email);
  for (const token of tokens) labels.set(`api_token:${token.id}`, `${token.name} (${token.prefix}…)`);
  return labels;
}

/** Newest first, one keyset page at a time over (at, id), optionally one action only. */
export async function listAuditLog(actor: Actor, filters: AuditFilters): Promise<{ entries: AuditListItem[]; nextCursor: string | null }> {
  assertCan(actor, 'audit:read');
  const and: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filters.action) and.push(`action = ${param(filters.action)}`);
  if (filters.cursor) {
    const { at, id } = decodeCursor(filters.cursor);
    and.push(`(at, id) < (${param(at)}, ${param(id)}::uuid)`);
  }
  const { rows } = await pool().query<AuditRow>(
    `SELECT id, at, actor_email AS "actorEmail", action, target_type AS "targetType", target_id AS "targetId", before, after, ip
       FROM audit_log ${and.length ? `WHERE ${and.join(' AND ')}` : ''}
      ORDER BY at DESC, id DESC
      LIMIT ${param(filters.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, filters.limit);
  const labels = await targetLabels(page);
  const last = page.at(-1);
  return {
    entries: page.map((entry) => ({ ...entry, targetLabel: labels.get(`${entry.targetType}:${entry.targetId}`) ?? null })),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last.at, last.id) : null,
  };
}

/** The actions that occur in the log, for the filter (GROUP BY runs in SQL, unlike `distinct`). */
export async function listAuditActions(actor: Actor): Promise<string[]> {
  assertCan(actor, 'audit:read');
  const { rows } = await pool().query<{ action: string }>('SELECT action FROM audit_log GROUP BY action ORDER BY action');
  return rows.map((row) => row.action);
}
