import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { prisma } from '@/lib/db';
import { maskPersonalData } from '@/lib/privacy';
import type { ActionFilters } from '@/lib/schemas/calls';

/** Actions oldest first: the queue is worked from the front. */
export async function listActions(actor: Actor, filters: ActionFilters) {
  assertCan(actor, 'actions:read');
  const actions = await prisma().action.findMany({
    where: filters.status ? { status: filters.status } : {},
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: filters.limit,
    select: {
      id: true, provider: true, kind: true, rawKind: true, reason: true, status: true, payload: true, createdAt: true,
      providerCallId: true, callId: true,
      call: { select: { id: true, customerNumber: true, status: true, providerCallId: true } },
    },
  });
  return can(actor.role, 'personal-data:read') ? actions : maskPersonalData(actions);
}
