import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { prisma } from '@/lib/db';
import { maskPersonalData } from '@/lib/privacy';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CallFilters } from '@/lib/schemas/calls';
import { decodeCursor, encodeCursor } from './cursor';

const listSelect = {
  id: true, provider: true, providerCallId: true, status: true, providerStatus: true, final: true, direction: true,
  customerNumber: true, agentId: true, startedAt: true, endedAt: true, durationSeconds: true, success: true,
  summary: true, creditsUsed: true, attempts: true, eventCount: true, lastEventAt: true, metadata: true,
  _count: { select: { actions: { where: { status: 'pending' } } } },
} satisfies Prisma.CallSelect;

export type CallListItem = Omit<Prisma.CallGetPayload<{ select: typeof listSelect }>, '_count'> & { pendingActions: number };

function where(filters: CallFilters): Prisma.CallWhereInput {
  const and: Prisma.CallWhereInput[] = [];
  if (filters.provider) and.push({ provider: filters.provider });
  if (filters.status) and.push({ status: filters.status });
  if (filters.from) and.push({ lastEventAt: { gte: new Date(filters.from) } });
  if (filters.to) and.push({ lastEventAt: { lt: new Date(filters.to) } });
  if (filters.q) {
    const q = filters.q.toLowerCase();
    and.push({ OR: [{ providerCallId: filters.q }, { searchText: { contains: q } }] });
  }
  if (filters.cursor) {
    const { at, id } = decodeCursor(filters.cursor);
    and.push({ OR: [{ lastEventAt: { lt: at } }, { lastEventAt: at, id: { lt: id } }] });
  }
  return { AND: and };
}

/** Viewers get personal data masked; search still matches the full number (it runs in SQL). */
function forActor<T>(actor: Actor, value: T): T {
  return can(actor.role, 'personal-data:read') ? value : maskPersonalData(value);
}

/** Calls with the newest activity first, one keyset page at a time. */
export async function listCalls(actor: Actor, filters: CallFilters): Promise<{ calls: CallListItem[]; nextCursor: string | null }> {
  assertCan(actor, 'calls:read');
  const rows = await prisma().call.findMany({
    where: where(filters),
    orderBy: [{ lastEventAt: 'desc' }, { id: 'desc' }],
    take: filters.limit + 1,
    select: listSelect,
  });
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    calls: forActor(actor, page.map(({ _count, ...call }) => ({ ...call, pendingActions: _count.actions }))),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last.lastEventAt, last.id) : null,
  };
}

/** One call with everything the detail view shows: timeline, actions and credit entries. */
export async function getCall(actor: Actor, id: string) {
  assertCan(actor, 'calls:read');
  const call = await prisma().call.findUnique({
    where: { id },
    include: {
      events: {
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
        select: { id: true, type: true, known: true, occurredAt: true, receivedAt: true, duplicateCount: true, signed: true, payload: true },
      },
      actions: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, rawKind: true, reason: true, status: true, payload: true, createdAt: true } },
      creditEntries: { orderBy: { at: 'asc' }, select: { at: true, used: true, available: true } },
    },
  });
  return call && forActor(actor, call);
}

export type CallDetail = NonNullable<Awaited<ReturnType<typeof getCall>>>;
