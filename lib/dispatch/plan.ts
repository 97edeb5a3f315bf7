import { actionKind } from '@/lib/action-kinds/registry';
import type { ActionKindDefinition, PendingAction, TemplateInput } from '@/lib/action-kinds/types';
import { AppError, zodMessage } from '@/lib/http/errors';
import type { WhatsappTemplate } from '@/lib/whatsapp/templates';
import { type DestinationName, type DispatchConfig, destinationFor, destinationLabel } from './config';

// What approving an action will send, decided before anything is written. Pure: the payload the
// approver saw (or edited) is validated with the kind's schema, and the kind adds what it must
// (a WhatsApp message gets its text inside the customer's service window and a template with its
// parameters outside it). A 400 here means "fix it, then approve".

export type { PendingAction };

export interface ApprovalPlan {
  /** The approver's version, stored beside the original; null when approved as it came. */
  editedPayload: Record<string, unknown> | null;
  /** Where it goes; null when nothing is configured (or the kind is never sent). */
  destination: DestinationName | null;
  /** False for kinds Callboard never sends anywhere (mark_prepaid, update_address, ...). */
  dispatchable: boolean;
  /** Exactly what the outbox will send. */
  outboxPayload: Record<string, unknown>;
  /** The template's name when one goes (WhatsApp), for the audit row. */
  template: string | null;
  /** Plain words for the person approving. */
  message: string;
  /** Why nothing will be sent, when nothing will. */
  skipReason: string | null;
}

export function notConfiguredMessage(kind: string): string {
  const definition = actionKind(kind);
  return `Nothing was sent: no destination is configured for ${definition?.words ?? kind} (${definition?.settings ?? 'none exists'}).`;
}

function validated(kind: ActionKindDefinition, payload: Record<string, unknown>, edited: boolean): Record<string, unknown> {
  const parsed = kind.payloadSchema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new AppError(
    400,
    'invalid_payload',
    `${edited ? 'The edited payload is not valid' : 'This action cannot be sent as it is; edit it first'}: ${zodMessage(parsed.error)}`,
  );
}

export function planApproval(
  action: PendingAction,
  input: { payload?: Record<string, unknown>; template?: TemplateInput },
  config: DispatchConfig,
  now: Date = new Date(),
  templates: WhatsappTemplate[] = [],
): ApprovalPlan {
  const kind = actionKind(action.kind);
  if (!kind) {
    if (input.payload) throw new AppError(400, 'not_editable', `${action.kind} actions have no payload to edit`);
    const skipReason = `Callboard does not send ${action.kind} actions anywhere; the decision is recorded.`;
    return {
      editedPayload: null,
      destination: null,
      dispatchable: false,
      outboxPayload: action.payload,
      template: null,
      message: `Approved. ${skipReason}`,
      skipReason,
    };
  }
  const editedPayload = input.payload ? validated(kind, input.payload, true) : null;
  const edited = editedPayload !== null;
  const destination = destinationFor(action.kind, config);
  const validate = (payload: Record<string, unknown>) => validated(kind, payload, edited);
  const { payload, template } = kind.plan
    ? kind.plan({ action, payload: editedPayload ?? action.payload, edited, template: input.template, templates, destination, config, now, validate })
    : { payload: validate(editedPayload ?? action.payload), template: null };
  const skipReason = destination ? null : notConfiguredMessage(action.kind);
  const message = skipReason ? `Approved. ${skipReason}` : `Approved; sending to ${destinationLabel(action.kind, config)}.`;
  return { editedPayload, destination, dispatchable: true, outboxPayload: payload, template, message, skipReason };
}
