import { AppError } from '@/lib/http/errors';
import type { PlanContext } from '../types';
import { defaultWhatsappMessage, describeWindow, serviceWindow } from './message';

/**
 * What approving a WhatsApp message sends: the number (the customer on the call when the agent
 * gave none), the words (the reason's message by default) and, past the customer's 24-hour
 * service window, a pre-approved template. A 400 here means "fix it, then approve".
 */
export function planWhatsapp({ action, payload, template: chosen, destination, config, now, validate }: PlanContext): {
  payload: Record<string, unknown>;
  template: string | null;
} {
  // Mirai's send_whatsapp often carries no number: the customer is the one on the call.
  const number = typeof payload.number === 'string' && payload.number ? payload.number : action.customerNumber;
  let out = validate({ ...payload, number });
  const name = typeof out.name === 'string' ? out.name : null;
  out = { ...out, message: typeof out.message === 'string' && out.message ? out.message : defaultWhatsappMessage(action.reason, name) };
  if (chosen !== undefined && !config.templates.includes(chosen)) {
    throw new AppError(400, 'unknown_template', `"${chosen}" is not a pre-approved template (WHATSAPP_TEMPLATES: ${config.templates.join(', ') || 'none'})`);
  }
  const template = chosen ?? null;
  const window = serviceWindow(action.callEndedAt ?? action.createdAt, now);
  if (destination && !window.open && !template) {
    throw new AppError(
      400,
      'template_required',
      `The customer's 24-hour service window ${describeWindow(window)}; choose a pre-approved template${config.templates.length ? '' : ' (none are configured: WHATSAPP_TEMPLATES)'}`,
    );
  }
  if (template) out = { ...out, template: { name: template, language: config.templateLanguage } };
  return { payload: out, template };
}
