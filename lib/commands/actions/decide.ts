import 'server-only';
import { evaluateAlertsSoon } from '@/lib/alerts/soon';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { transaction } from '@/lib/db';
import { type DispatchConfig, dispatchConfig } from '@/lib/dispatch/config';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { enqueueOutbox } from '@/lib/dispatch/outbox';
import { type ApprovalPlan, planApproval } from '@/lib/dispatch/plan';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { whatsappContexts, whatsappRecipient } from '@/lib/queries/actions/whatsapp-context';
import type { DecisionInput } from '@/lib/schemas/actions';
import { lastInboundAt } from '@/lib/whatsapp/last-inbound';
import { loadWhatsappTemplates } from '@/lib/whatsapp/templates-store';

export interface DispatchInfo {
  /** queued: the outbox will send it; skipped: nothing is configured; none: never sent anywhere. */
  status: 'queued' | 'skipped' | 'none';
  destination: string | null;
  message: string;
}

export interface DecidedAction {
  id: string;
  status: string;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  /** Until when the decision can be undone (POST /api/actions/{id}/undo); nothing is sent before. */
  undoUntil: Date;
  dispatch: DispatchInfo | null;
}

interface ActionRow {
  id: string;
  kind: string;
  reason: string | null;
  status: string;
  payload: Record<string, unknown>;
  decided_by_email: string | null;
  created_at: Date;
  ended_at: Date | null;
  customer_number: string | null;
}

const alreadyDecided = (row: { status: string; decided_by_email: string | null }) =>
  new AppError(409, 'already_decided', `Already ${row.status}${row.decided_by_email ? ` by ${row.decided_by_email}` : ''}`);

export const reasonRequired = () => new AppError(400, 'reason_required', 'Say why it is rejected: a reason is required');

/**
 * Approves (possibly with an edited payload) or rejects a pending action. The update only
 * matches while the action is pending, so of two people deciding at once exactly one wins and
 * the other gets 409 naming who decided. A rejection needs a reason that is not blank. The
 * decision, its audit row (before/after) and the outbox row that will send it commit together;
 * the outbox row waits until the undo window (`undoSeconds`, APPROVAL_UNDO_SECONDS) closes, and
 * sending starts then, after the response (drainSoon coalesces a bulk decision's ids into one drain).
 */
export async function decideAction(
  actor: Actor,
  id: string,
  input: DecisionInput,
  config: DispatchConfig = dispatchConfig(env()),
  undoSeconds: number = env().APPROVAL_UNDO_SECONDS,
): Promise<DecidedAction> {
  assertCan(actor, 'actions:decide');
  return transaction(async (db) => {
    const { rows } = await db.query<ActionRow>(
      `SELECT a.id, a.kind, a.reason, a.status, a.payload, a.decided_by_email, a.created_at, c.ended_at, c.customer_number
       FROM action a LEFT JOIN call c ON c.id = a.call_id WHERE a.id = $1`,
      [id],
    );
    const action = rows[0];
    if (!action) throw new AppError(404, 'not_found', `No action with id ${id}`);
    if (action.status !== 'pending') throw alreadyDecided(action);

    const approve = input.decision === 'approve';
    if (!approve && !input.note?.trim()) throw reasonRequired();
    let plan: ApprovalPlan | null = null;
    if (approve) {
      // A WhatsApp message: the customer's service window and the facts its template is filled from.
      const businessPhoneId = config.whatsappCloud?.phoneNumberId ?? null;
      const context = (await whatsappContexts(db, [id], { businessPhoneId, currency: config.currency })).get(id);
      const editedNumber = context && typeof input.payload?.number === 'string' ? whatsappRecipient(input.payload, null) : null;
      const lastInbound = editedNumber
        ? await lastInboundAt(db, businessPhoneId, editedNumber)
        : context?.lastInboundAt
          ? new Date(context.lastInboundAt)
          : null;
      const templates = context ? (await loadWhatsappTemplates(db)).templates : [];
      plan = planApproval(
        {
          kind: action.kind,
          reason: action.reason,
          payload: action.payload,
          createdAt: action.created_at,
          callEndedAt: action.ended_at,
          customerNumber: action.customer_number,
          lastInboundAt: lastInbound,
          facts: context?.facts,
        },
        input,
        config,
        new Date(),
        templates,
      );
    }
    const status = approve ? 'approved' : 'rejected';
    const note = input.note?.trim() || null;
    const updated = await db.query<{ decidedByEmail: string | null; decidedAt: Date; undoUntil: Date }>(
      `UPDATE action SET status = $2, decided_by_id = $3, decided_by_email = $4, decided_at = now(), decision_note = $5,
              edited_payload = $6::jsonb, undo_until = now() + $7::float8 * interval '1 second', updated_at = now()
       WHERE id = $1 AND status = 'pending'
       RETURNING decided_by_email AS "decidedByEmail", decided_at AS "decidedAt", undo_until AS "undoUntil"`,
      [id, status, actor.userId, actor.email, note, plan?.editedPayload ? JSON.stringify(plan.editedPayload) : null, undoSeconds],
    );
    const decided = updated.rows[0];
    if (!decided) {
      // Someone decided between our read and our update; say who.
      const { rows: current } = await db.query<{ status: string; decided_by_email: string | null }>(
        'SELECT status, decided_by_email FROM action WHERE id = $1',
        [id],
      );
      throw alreadyDecided(current[0] ?? { status: 'decided', decided_by_email: null });
    }

    const edited = plan?.editedPayload ?? null;
    await writeAudit(db, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: approve ? 'action_approved' : 'action_rejected',
      targetType: 'action',
      targetId: id,
      before: edited ? { status: 'pending', payload: action.payload } : { status: 'pending' },
      after: {
        status,
        kind: action.kind,
        note,
        ...(edited ? { payload: edited } : {}),
        ...(plan ? { destination: plan.destination, template: plan.template } : {}),
        undoUntil: decided.undoUntil,
      },
    });

    // A decision can end a waiting-approval alert.
    db.afterCommit(() => evaluateAlertsSoon(['waiting_approval']));
    let dispatch: DispatchInfo | null = null;
    if (plan) {
      if (plan.dispatchable) {
        await enqueueOutbox(db, {
          actionId: id,
          kind: action.kind,
          destination: plan.destination,
          payload: plan.outboxPayload,
          skipReason: plan.skipReason ?? undefined,
          // Not claimable while the decision can still be undone.
          notBefore: decided.undoUntil,
        });
        if (plan.destination) db.afterCommit(() => drainSoon([id], decided.undoUntil));
      }
      dispatch = { status: !plan.dispatchable ? 'none' : plan.destination ? 'queued' : 'skipped', destination: plan.destination, message: plan.message };
    }
    return { id, status, decidedByEmail: decided.decidedByEmail, decidedAt: decided.decidedAt, undoUntil: decided.undoUntil, dispatch };
  });
}
