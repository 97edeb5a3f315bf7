import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { prisma } from '@/lib/db';
import { maskPersonalData } from '@/lib/privacy';

/**
 * One action's whole life: the call that raised it, the decision (and any edit), the outbox row
 * and every attempt, and the audited steps people took. Personal data masked for viewers, the
 * staff emails of who decided kept.
 */
export async function getActionDetail(actor: Actor, id: string) {
  assertCan(actor, 'actions:read');
  const [action, history] = await Promise.all([
    prisma().action.findUnique({
      where: { id },
      select: {
        id: true, provider: true, kind: true, rawKind: true, reason: true, status: true, payload: true, editedPayload: true,
        createdAt: true, decidedAt: true, decidedByEmail: true, decisionNote: true, providerCallId: true,
        call: { select: { id: true, provider: true, providerCallId: true, customerNumber: true, status: true, startedAt: true, endedAt: true } },
        outbox: {
          select: {
            id: true, destination: true, status: true, attempts: true, nextAttemptAt: true, lastStatus: true, lastError: true, responseId: true,
            sentAt: true, createdAt: true, payload: true,
            attemptLog: { orderBy: [{ startedAt: 'asc' }, { number: 'asc' }], select: { number: true, startedAt: true, durationMs: true, outcome: true, httpStatus: true, error: true, responseId: true } },
          },
        },
      },
    }),
    prisma().auditLog.findMany({ where: { targetType: 'action', targetId: id }, orderBy: { at: 'asc' }, select: { at: true, actorEmail: true, action: true, before: true, after: true } }),
  ]);
  if (!action) return null;
  const whole = can(actor.role, 'personal-data:read');
  const mask = <T>(value: T): T => (whole ? value : maskPersonalData(value));
  return {
    ...action,
    payload: mask(action.payload),
    editedPayload: mask(action.editedPayload),
    call: action.call ? { ...action.call, customerNumber: mask(action.call.customerNumber) } : null,
    outbox: action.outbox ? { ...action.outbox, payload: mask(action.outbox.payload) } : null,
    history: history.map((entry) => ({ ...entry, before: mask(entry.before), after: mask(entry.after) })),
  };
}

export type ActionDetail = NonNullable<Awaited<ReturnType<typeof getActionDetail>>>;
