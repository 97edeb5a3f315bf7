import { AppError } from '@/lib/http/errors';
import type { PlanContext } from '../types';
import { defaultWhatsappMessage, describeWindow, serviceWindow } from './message';
import { chooseTemplate, type TemplateFacts } from './parameters';

const NO_FACTS: TemplateFacts = { callId: null, customerName: null, orderReference: null, orderTotal: null, orderItems: null };

/**
 * What approving a WhatsApp message sends: the number (the customer on the call when the agent
 * gave none), and either free text (the reason's message by default), which WhatsApp takes only
 * inside the customer's service window (24 hours from their last message to us; a call does
 * not open it), or a template with its parameters, which may go any time. A 400 here means
 * "fix it, then approve": Meta would refuse the same (131047, 132000, 132001).
 */
export function planWhatsapp({ action, payload, edited, template: chosen, templates, destination, now, validate }: PlanContext): {
  payload: Record<string, unknown>;
  template: string | null;
} {
  // Mirai's send_whatsapp often carries no number: the customer is the one on the call.
  const number = typeof payload.number === 'string' && payload.number ? payload.number : action.customerNumber;
  const out = validate({ ...payload, number });
  // The edit's own choice (the edit form puts the template in the payload), else the one made with the decision.
  const inPayload = out.template as { name: string; language?: string; parameters?: string[] } | undefined;
  const choice = edited && inPayload ? inPayload : (chosen ?? inPayload);
  if (choice !== undefined) {
    const result = chooseTemplate(templates, choice, action.facts ?? NO_FACTS);
    if (!result.ok) throw new AppError(400, result.code, result.message);
    const { message: _freeText, ...rest } = out;
    return { payload: { ...rest, template: { ...result.choice, text: result.text } }, template: result.choice.name };
  }
  const name = typeof out.name === 'string' ? out.name : null;
  const message = typeof out.message === 'string' && out.message ? out.message : defaultWhatsappMessage(action.reason, name);
  const window = serviceWindow(action.lastInboundAt ?? null, now);
  if (destination && !window.open) {
    throw new AppError(
      400,
      'template_required',
      `Free text cannot go: the customer's WhatsApp service window is ${describeWindow(window)}; choose a template${templates.length ? '' : ' (none are configured: Settings → WhatsApp templates)'}`,
    );
  }
  return { payload: { ...out, message }, template: null };
}
