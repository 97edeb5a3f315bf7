import 'server-only';
import { lastWhatsappFailure, templateAnswers } from '@/lib/action-kinds/send-whatsapp/failure';
import { SEND_WHATSAPP } from '@/lib/action-kinds/send-whatsapp/id';
import { chooseTemplate, startingTemplate } from '@/lib/action-kinds/send-whatsapp/parameters';
import type { TemplateInput } from '@/lib/action-kinds/types';
import { writeAudit } from '@/lib/audit';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { transaction } from '@/lib/db';
import { type DispatchConfig, destinationFor, destinationLabel, dispatchConfig } from '@/lib/dispatch/config';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { notConfiguredMessage } from '@/lib/dispatch/plan';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { whatsappContexts } from '@/lib/queries/actions/whatsapp-context';
import { loadWhatsappTemplates } from '@/lib/whatsapp/templates-store';

export interface ResentAsTemplate {
  id: string;
  status: 'approved';
  template: string;
  /** The message as the customer will read it. */
  text: string;
  message: string;
}

/**
 * A WhatsApp message that failed because it was free text outside the customer's service window
 * (131047), or because its template was wrong (132000, 132001), sent again as a template: refused
 * when sent, or failed later by a status webhook. The outbox row keeps its key and gets the
 * template (by name, parameters from their sources, or with the values given; by default the
 * first template the call fills completely, the one that failed last), goes back to pending with a fresh attempt budget, and the action
 * to approved with no message state; audited. Sending starts after the commit.
 */
export async function resendAsTemplate(
  actor: Actor,
  id: string,
  input: { template?: TemplateInput },
  config: DispatchConfig = dispatchConfig(env()),
): Promise<ResentAsTemplate> {
  assertCan(actor, 'actions:decide');
  return transaction(async (db) => {
    const { rows } = await db.query<{
      kind: string;
      status: string;
      message_state: string | null;
      message_failures: unknown;
      o_status: string | null;
      last_error: string | null;
      payload: Record<string, unknown> | null;
    }>(
      `SELECT a.kind, a.status, a.message_state, a.message_failures, o.status AS o_status, o.last_error, o.payload
       FROM action a LEFT JOIN dispatch_outbox o ON o.action_id = a.id WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    const current = rows[0];
    if (!current) throw new AppError(404, 'not_found', `No action with id ${id}`);
    if (current.kind !== SEND_WHATSAPP) throw new AppError(409, 'not_resendable', 'Only WhatsApp messages can be re-sent as a template');
    const failedNow = current.o_status === 'failed' || (current.status === 'failed' && current.message_state === 'failed');
    const failure = lastWhatsappFailure(
      current.o_status === 'failed' ? current.last_error : null,
      current.message_state === 'failed' ? current.message_failures : [],
    );
    if (!failedNow || !current.payload || !templateAnswers(failure)) {
      throw new AppError(
        409,
        'not_resendable',
        failedNow
          ? `A template does not answer this failure (${current.last_error ?? `WhatsApp error ${failure?.code ?? 'unknown'}`}); send it again as it is or leave it`
          : `Only a WhatsApp message that failed can be re-sent as a template; this one is ${current.status}`,
      );
    }
    const destination = destinationFor(current.kind, config);
    if (!destination) throw new AppError(409, 'not_configured', notConfiguredMessage(current.kind));
    const templates = (await loadWhatsappTemplates(db)).templates;
    const context = (await whatsappContexts(db, [id], { businessPhoneId: config.whatsappCloud?.phoneNumberId ?? null, currency: config.currency })).get(id);
    const facts = context?.facts ?? { callId: null, customerName: null, orderReference: null, orderTotal: null, orderItems: null };
    const failedTemplate = (current.payload.template as { name?: string } | undefined)?.name ?? null;
    const chosen = input.template ?? startingTemplate(templates, facts, failedTemplate)?.name;
    if (!chosen) throw new AppError(400, 'template_required', 'No WhatsApp templates are configured (Settings → WhatsApp templates)');
    const result = chooseTemplate(templates, chosen, facts);
    if (!result.ok) throw new AppError(400, result.code, result.message);

    const { message: _freeText, ...rest } = current.payload;
    const payload = { ...rest, template: { ...result.choice, text: result.text } };
    await db.query(
      `UPDATE dispatch_outbox SET payload = $2::jsonb, status = 'pending', destination = $3, attempts = 0, unreached_attempts = 0,
              next_attempt_at = now(), last_error = NULL, last_status = NULL, response_id = NULL, sent_at = NULL,
              lease_until = NULL, lease_token = NULL, updated_at = now()
       WHERE action_id = $1`,
      [id, JSON.stringify(payload), destination],
    );
    await db.query(
      `UPDATE action SET status = 'approved', message_state = NULL, message_state_at = NULL, message_failures = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    await writeAudit(db, {
      actorId: actor.userId,
      actorEmail: actor.email,
      action: 'action_resent_as_template',
      targetType: 'action',
      targetId: id,
      before: {
        status: current.status,
        outbox: current.o_status,
        lastError: current.last_error,
        messageState: current.message_state,
        messageFailures: current.message_failures,
        template: current.payload.template ?? null,
      },
      after: { status: 'approved', outbox: 'pending', template: result.choice.name, language: result.choice.language, parameters: result.choice.parameters },
    });
    db.afterCommit(() => drainSoon([id], new Date()));
    return {
      id,
      status: 'approved',
      template: result.choice.name,
      text: result.text,
      message: `Queued again as template ${result.choice.name}; sending to ${destinationLabel(current.kind, config)}.`,
    };
  });
}
