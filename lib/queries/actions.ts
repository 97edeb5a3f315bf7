import 'server-only';
import { prisma } from '@/lib/db';
import type { ActionFilters } from '@/lib/schemas/calls';

/** Actions oldest first: the queue is worked from the front. */
export async function listActions(filters: ActionFilters) {
  return prisma().action.findMany({
    where: filters.status ? { status: filters.status } : {},
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: filters.limit,
    select: {
      id: true, provider: true, kind: true, rawKind: true, reason: true, status: true, payload: true, createdAt: true,
      providerCallId: true, callId: true,
      call: { select: { id: true, customerNumber: true, status: true, providerCallId: true } },
    },
  });
}
