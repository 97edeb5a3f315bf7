import { AppError, zodMessage } from '@/lib/http/errors';
import { payloadSchemaFor } from '@/lib/schemas/actions';
import { destinationFor, destinationLabel, type DestinationName, type DispatchConfig } from './config';
import { defaultWhatsappMessage, describeWindow, serviceWindow } from './whatsapp-message';

// What approving an action will send, decided before anything is written. Pure: the payload the
// approver saw (or edited) is validated with the API's schema, WhatsApp messages get their text
// and, past the 24-hour window, a pre-approved template. A 400 here means "fix it, then approve".

export interface PendingAction {
  kind: string;
  reason: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  callEndedAt: Date | null;
  customerNumber: string | null;
}

export interface ApprovalPlan {
  /** The approver's version, stored beside the original; null when approved as it came. */
  editedPayload: Record<string, unknown> | null;
  /** Where it goes; null when nothing is configured (or the kind is never sent). */
  destination: DestinationName | null;
  /** False for kinds Callboard never sends anywhere (mark_prepaid, update_address, ...). */
  dispatchable: boolean;
  /** Exactly what the outbox will send. */
  outboxPayload: Record<string, unknown>;
  template: string | null;
  /** Plain words for the person approving. */
  message: string;
  /** Why nothing will be sent, when nothing will. */
  skipReason: string | null;
}

const KIND_WORDS: Record<string, string> = { create_order: 'orders', send_whatsapp: 'WhatsApp messages' };
const SETTINGS: Record<string, string> = { create_order: 'SHOPIFY_STORE_DOMAIN or ORDER_WEBHOOK_URL', send_whatsapp: 'WHATSAPP_PHONE_NUMBER_ID or WHATSAPP_WEBHOOK_URL' };

export function notConfiguredMessage(kind: string): string {
  return `Nothing was sent: no destination is configured for ${KIND_WORDS[kind] ?? kind} (${SETTINGS[kind] ?? 'none exists'}).`;
}

function validated(kind: string, payload: Record<string, unknown>, edited: boolean): Record<string, unknown> {
  const schema = payloadSchemaFor(kind);
  if (!schema) return payload;
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  throw new AppError(400, 'invalid_payload', `${edited ? 'The edited payload is not valid' : 'This action cannot be sent as it is; edit it first'}: ${zodMessage(parsed.error)}`);
}

export function planApproval(action: PendingAction, input: { payload?: Record<string, unknown>; template?: string }, config: DispatchConfig, now: Date = new Date()): ApprovalPlan {
  const schema = payloadSchemaFor(action.kind);
  if (input.payload && !schema) throw new AppError(400, 'not_editable', `${action.kind} actions have no payload to edit`);
  const editedPayload = input.payload ? validated(action.kind, input.payload, true) : null;
  let payload = editedPayload ?? action.payload;
  const destination = destinationFor(action.kind, config);
  let template: string | null = null;

  if (action.kind === 'send_whatsapp') {
    // Mirai's send_whatsapp often carries no number: the customer is the one on the call.
    const number = typeof payload.number === 'string' && payload.number ? payload.number : action.customerNumber;
    payload = validated(action.kind, { ...payload, number }, editedPayload !== null);
    const name = typeof payload.name === 'string' ? payload.name : null;
    payload = { ...payload, message: typeof payload.message === 'string' && payload.message ? payload.message : defaultWhatsappMessage(action.reason, name) };
    if (input.template !== undefined && !config.templates.includes(input.template)) {
      throw new AppError(400, 'unknown_template', `"${input.template}" is not a pre-approved template (WHATSAPP_TEMPLATES: ${config.templates.join(', ') || 'none'})`);
    }
    template = input.template ?? null;
    const window = serviceWindow(action.callEndedAt ?? action.createdAt, now);
    if (destination && !window.open && !template) {
      throw new AppError(400, 'template_required', `The customer's 24-hour service window ${describeWindow(window)}; choose a pre-approved template${config.templates.length ? '' : ' (none are configured: WHATSAPP_TEMPLATES)'}`);
    }
    if (template) payload = { ...payload, template: { name: template, language: config.templateLanguage } };
  } else {
    payload = validated(action.kind, payload, editedPayload !== null);
  }

  const dispatchable = schema !== null;
  const skipReason = !dispatchable ? `Callboard does not send ${action.kind} actions anywhere; the decision is recorded.` : destination ? null : notConfiguredMessage(action.kind);
  const message = skipReason ? `Approved. ${skipReason}` : `Approved; sending to ${destinationLabel(action.kind, config)}.`;
  return { editedPayload, destination, dispatchable, outboxPayload: payload, template, message, skipReason };
}
