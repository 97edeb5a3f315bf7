import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { prisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from '@/lib/schemas/users';
import { decodeCursor, encodeCursor } from '@/lib/queries/cursor';

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
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  ip: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names for the targets on one page: users by email, API tokens by name and prefix. */
async function targetLabels(entries: { targetType: string | null; targetId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(entries.flatMap((e) => (e.targetType === type && e.targetId ? [e.targetId] : [])))];
  const userIds = ids('user');
  const tokenIds = ids('api_token').filter((id) => UUID.test(id));
  const [users, tokens] = await Promise.all([
    userIds.length ? prisma().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
    tokenIds.length ? prisma().apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true, prefix: true } }) : [],
  ]);
  const labels = new Map<string, string>();
  for (const user of users) labels.set(`user:${user.id}`, user.email);
  for (const token of tokens) labels.set(`api_token:${token.id}`, `${token.name} (${token.prefix}…)`);
  return labels;
}

/** Newest first, one keyset page at a time over (at, id), optionally one action only. */
export async function listAuditLog(actor: Actor, filters: AuditFilters): Promise<{ entries: AuditListItem[]; nextCursor: string | null }> {
  assertCan(actor, 'audit:read');
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.action) and.push({ action: filters.action });
  if (filters.cursor) {
    const { at, id } = decodeCursor(filters.cursor);
    and.push({ OR: [{ at: { lt: at } }, { at, id: { lt: id } }] });
  }
  const rows = await prisma().auditLog.findMany({
    where: { AND: and },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: filters.limit + 1,
    select: { id: true, at: true, actorEmail: true, action: true, targetType: true, targetId: true, before: true, after: true, ip: true },
  });
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
  const groups = await prisma().auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' } });
  return groups.map((group) => group.action);
}
