import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { prisma } from '@/lib/db';
import { maskPersonalData } from '@/lib/privacy';
import type { ActionFilters } from '@/lib/schemas/actions';

// Actions as the queue, the API and the badge read them. Dates are ISO strings, so what the
// page renders first and what the queue polls from /api/actions are the same shape.

export interface ActionListItem {
  id: string;
  provider: string;
  kind: string;
  rawKind: string;
  reason: string | null;
  status: string;
  payload: Record<string, unknown>;
  editedPayload: Record<string, unknown> | null;
  createdAt: string;
  decidedAt: string | null;
  decidedByEmail: string | null;
  decisionNote: string | null;
  providerCallId: string | null;
  callId: string | null;
  call: { id: string; customerNumber: string | null; status: string; providerCallId: string; endedAt: string | null } | null;
  dispatch: { status: string; destination: string; attempts: number; lastError: string | null; responseId: string | null } | null;
}

const select = {
  id: true, provider: true, kind: true, rawKind: true, reason: true, status: true, payload: true, editedPayload: true, createdAt: true,
  decidedAt: true, decidedByEmail: true, decisionNote: true, providerCallId: true, callId: true,
  call: { select: { id: true, customerNumber: true, status: true, providerCallId: true, endedAt: true } },
  outbox: { select: { status: true, destination: true, attempts: true, lastError: true, responseId: true } },
} as const;

type Row = Awaited<ReturnType<typeof findRows>>[number];
const findRows = (args: { where: object; orderBy: object[]; take: number }) => prisma().action.findMany({ ...args, select });

function toItem(row: Row): ActionListItem {
  const { outbox, call, createdAt, decidedAt, payload, editedPayload, ...rest } = row;
  return {
    ...rest,
    payload: (payload ?? {}) as Record<string, unknown>,
    editedPayload: (editedPayload ?? null) as Record<string, unknown> | null,
    createdAt: createdAt.toISOString(),
    decidedAt: decidedAt?.toISOString() ?? null,
    call: call ? { ...call, endedAt: call.endedAt?.toISOString() ?? null } : null,
    dispatch: outbox,
  };
}

function forActor(actor: Actor, items: ActionListItem[]): ActionListItem[] {
  return can(actor.role, 'personal-data:read') ? items : maskPersonalData(items);
}

/** Actions oldest first: the queue is worked from the front. */
export async function listActions(actor: Actor, filters: ActionFilters): Promise<ActionListItem[]> {
  assertCan(actor, 'actions:read');
  const rows = await findRows({ where: filters.status ? { status: filters.status } : {}, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: filters.limit });
  return forActor(actor, rows.map(toItem));
}

/** The latest decisions, newest first, with what became of each. */
export async function listRecentDecisions(actor: Actor, limit = 50): Promise<ActionListItem[]> {
  assertCan(actor, 'actions:read');
  const rows = await findRows({ where: { decidedAt: { not: null } }, orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }], take: limit });
  return forActor(actor, rows.map(toItem));
}

/** Failed and needs-check actions, oldest first: what a person must look at. */
export async function listNeedingAttention(actor: Actor, limit = 100): Promise<ActionListItem[]> {
  assertCan(actor, 'actions:read');
  const rows = await findRows({ where: { status: { in: ['failed', 'needs_check'] } }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], take: limit });
  return forActor(actor, rows.map(toItem));
}

/** Counts for the badge and the queue's tabs. */
export async function actionCounts(actor: Actor): Promise<{ pending: number; attention: number }> {
  assertCan(actor, 'actions:read');
  const [pending, attention] = await Promise.all([
    prisma().action.count({ where: { status: 'pending' } }),
    prisma().action.count({ where: { status: { in: ['failed', 'needs_check'] } } }),
  ]);
  return { pending, attention };
}
