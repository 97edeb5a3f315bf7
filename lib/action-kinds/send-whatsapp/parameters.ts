import { placeholders, renderTemplate, TEMPLATE_PARAM_SOURCE_LABELS, type TemplateParam, type WhatsappTemplate } from '@/lib/whatsapp/templates';

// A template's parameters, filled from what Callboard knows about the call: the customer's name
// (the message, its order, the call's metadata and variables), the order's reference, total and
// items (the call's create_order action), a link with {call_id} and {order_reference}, fixed
// text. Pure: the queue fills the same values the server does, and the approver may change them.

/** What a template's parameters are filled from; null when the call does not say. */
export interface TemplateFacts {
  callId: string | null;
  customerName: string | null;
  orderReference: string | null;
  orderTotal: string | null;
  orderItems: string | null;
}

/** The approver's choice, as the outbox sends it: Meta's name and language and the body's values in order. */
export interface TemplateChoice {
  name: string;
  language: string;
  parameters: string[];
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const firstOf = (sources: Json[], keys: string[]): string | null => {
  for (const source of sources) for (const key of keys) if (str(source[key])) return str(source[key]);
  return null;
};

const NAME_KEYS = ['customer_name', 'customerName', 'name', 'first_name', 'firstName'];
const REFERENCE_KEYS = ['order_reference', 'orderReference', 'order_id', 'orderId', 'order_number', 'orderNumber'];

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-IN', { style: 'currency', currency, minimumFractionDigits: 2 }).format(amount);
  } catch {
    return `${currency} ${amount.toFixed(2)}`;
  }
}

/**
 * The facts for one WhatsApp action. `order` is the payload of the call's create_order action
 * (its edited version when there is one); `orderId` what the order's destination answered.
 */
export function templateFacts(input: {
  callId: string | null;
  payload: Json;
  metadata: unknown;
  variables: unknown;
  order: unknown;
  orderId?: string | null;
  currency: string;
}): TemplateFacts {
  const metadata = obj(input.metadata);
  const variables = obj(input.variables);
  const order = obj(input.order);
  const address = obj(order.shippingAddress);
  const orderName = [str(address.firstName), str(address.lastName)].filter(Boolean).join(' ') || null;
  const customerName = str(input.payload.name) ?? str(address.firstName) ?? orderName ?? firstOf([metadata, variables], NAME_KEYS);
  const fromDestination = input.orderId ? (input.orderId.split('/').at(-1) ?? input.orderId) : null;
  const orderReference = firstOf([order, metadata, variables], REFERENCE_KEYS) ?? fromDestination;
  const total = typeof order.cartTotal === 'number' ? order.cartTotal : Number.parseFloat(String(order.cartTotal ?? ''));
  const items = Array.isArray(order.lineItems)
    ? order.lineItems
        .map((raw) => {
          const item = obj(raw);
          const title = str(item.title) ?? (str(item.variantId) ? `item ${str(item.variantId)}` : null);
          return title ? `${str(item.quantity) ?? '1'} × ${title}` : null;
        })
        .filter((line): line is string => line !== null)
    : [];
  return {
    callId: input.callId,
    customerName,
    orderReference,
    orderTotal: Number.isFinite(total) ? money(total, input.currency) : null,
    orderItems: items.length ? items.join(', ') : null,
  };
}

/** One parameter's value from its source; '' when the call does not say (the approver fills it). */
export function parameterValue(param: TemplateParam, facts: TemplateFacts): string {
  switch (param.source) {
    case 'customer_name':
      return facts.customerName ?? '';
    case 'order_reference':
      return facts.orderReference ?? '';
    case 'order_total':
      return facts.orderTotal ?? '';
    case 'order_items':
      return facts.orderItems ?? '';
    case 'link':
      // A link naming a fact the call does not have would be a broken link: left for the approver.
      if ((param.value ?? '').includes('{order_reference}') && !facts.orderReference) return '';
      if ((param.value ?? '').includes('{call_id}') && !facts.callId) return '';
      return (param.value ?? '')
        .replaceAll('{call_id}', encodeURIComponent(facts.callId ?? ''))
        .replaceAll('{order_reference}', encodeURIComponent(facts.orderReference ?? ''));
    case 'text':
      return param.value ?? '';
  }
}

/** The values a template starts with, one per placeholder, in order. */
export function defaultParameters(template: WhatsappTemplate, facts: TemplateFacts): string[] {
  return placeholders(template.body).map((_, i) => {
    const param = template.params[i];
    return param ? parameterValue(param, facts) : '';
  });
}

export type ChosenTemplate =
  | { ok: true; template: WhatsappTemplate; choice: TemplateChoice; text: string }
  | { ok: false; code: 'unknown_template' | 'template_parameters'; message: string };

/**
 * The template to start with: the first whose every parameter the call fills (so Approve needs
 * no typing), else the first; `avoid` (a template that just failed) comes last.
 */
export function startingTemplate(templates: readonly WhatsappTemplate[], facts: TemplateFacts, avoid?: string | null): WhatsappTemplate | undefined {
  const order = [...templates.filter((t) => t.name !== avoid), ...templates.filter((t) => t.name === avoid)];
  return order.find((t) => chooseTemplate(templates, { name: t.name, language: t.language }, facts).ok) ?? order[0];
}

/** The template in the list by name (and language when given). */
export function findTemplate(templates: readonly WhatsappTemplate[], name: string, language?: string): WhatsappTemplate | undefined {
  return templates.find((t) => t.name === name && (language === undefined || t.language === language));
}

/**
 * The approver's choice made exact: a name (values from the sources) or {name, language?,
 * parameters} (the values given). Refused here, before anything is sent, when Meta would
 * refuse it: a template not on the list (132001), a count that is not the body's (132000), an
 * empty value.
 */
export function chooseTemplate(
  templates: readonly WhatsappTemplate[],
  chosen: string | { name: string; language?: string; parameters?: readonly string[] },
  facts: TemplateFacts,
): ChosenTemplate {
  const wanted = typeof chosen === 'string' ? { name: chosen } : chosen;
  const template = findTemplate(templates, wanted.name, wanted.language);
  if (!template) {
    const listed = templates.map((t) => `${t.name} (${t.language})`).join(', ') || 'none are configured';
    const named = wanted.language ? `${wanted.name} (${wanted.language})` : wanted.name;
    return { ok: false, code: 'unknown_template', message: `"${named}" is not a configured WhatsApp template (Settings: ${listed})` };
  }
  const count = placeholders(template.body).length;
  const parameters = (typeof chosen === 'string' || chosen.parameters === undefined ? defaultParameters(template, facts) : [...chosen.parameters]).map((v) =>
    v.trim(),
  );
  if (parameters.length !== count) {
    const range = count ? ` ({{1}}…{{${count}}})` : '';
    return {
      ok: false,
      code: 'template_parameters',
      message: `Template ${template.name} (${template.language}) has ${count} parameter${count === 1 ? '' : 's'}${range}; ${parameters.length} given`,
    };
  }
  const empty = parameters.indexOf('');
  if (empty >= 0) {
    const source = template.params[empty]?.source;
    const label = source ? ` (${TEMPLATE_PARAM_SOURCE_LABELS[source]})` : '';
    return {
      ok: false,
      code: 'template_parameters',
      message: `Template ${template.name}: {{${empty + 1}}}${label} is empty; the call does not say it, so type it in`,
    };
  }
  return { ok: true, template, choice: { name: template.name, language: template.language, parameters }, text: renderTemplate(template.body, parameters) };
}
