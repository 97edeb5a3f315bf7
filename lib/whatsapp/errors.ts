// What the WhatsApp Cloud API's error codes mean and what Callboard does about each, in one
// table: the sender (a refused send) and the status webhook (a message that failed later) both
// explain a failure from here. Handling is on the code, never on titles or HTTP status
// (../shared/spec/whatsapp.md). Pure; imports nothing.

/** What to do about a failure. */
export type WhatsappFailureHandling =
  /** Free text outside the customer service window: send an approved template instead. */
  | 'send_template'
  /** Final: sending the same again will not help. */
  | 'final'
  /** Rate limits and temporary errors: the outbox tries again with backoff. */
  | 'retry'
  /** The template is wrong (parameters, name or language): fix it on Settings, then re-send. */
  | 'fix_template'
  /** The account or number is restricted: an admin must act in Meta's WhatsApp Manager. */
  | 'alert_admin';

export interface WhatsappErrorInfo {
  code: number;
  /** What happened, for the person reading the action. */
  meaning: string;
  handling: WhatsappFailureHandling;
}

const ERRORS: Record<number, Omit<WhatsappErrorInfo, 'code'>> = {
  131047: { meaning: 'the customer has not written in 24 hours: send a template', handling: 'send_template' },
  131026: {
    meaning: 'the message could not be delivered (the number is not on WhatsApp, the app is too old, or the customer has not accepted the terms)',
    handling: 'final',
  },
  130429: { meaning: "the Cloud API's throughput limit was reached; it will be tried again", handling: 'retry' },
  131056: { meaning: 'too many messages to this customer in a short time; it will be tried again', handling: 'retry' },
  131048: { meaning: "spam rate limit: the number's quality is low, so WhatsApp is limiting what it sends", handling: 'alert_admin' },
  131049: { meaning: 'WhatsApp chose not to deliver it (the per-customer limit on marketing messages)', handling: 'final' },
  132000: { meaning: "the number of template parameters does not match the template's {{1}}…{{n}}", handling: 'fix_template' },
  132001: { meaning: 'the template does not exist in that language', handling: 'fix_template' },
  368: { meaning: 'the WhatsApp Business account is restricted for a policy violation', handling: 'alert_admin' },
  1: { meaning: 'WhatsApp had an unknown error; it will be tried again', handling: 'retry' },
  2: { meaning: 'WhatsApp was temporarily unavailable; it will be tried again', handling: 'retry' },
};

/** Every code the table knows (the README lists them; tests cover each). */
export const KNOWN_WHATSAPP_ERROR_CODES = Object.keys(ERRORS).map(Number);

/** The code's meaning and handling; an unknown code is a final failure in Meta's own words. */
export function whatsappError(code: number | null | undefined, metaMessage?: string | null): WhatsappErrorInfo {
  const known = code === null || code === undefined ? undefined : ERRORS[code];
  if (known) return { code: code as number, ...known };
  const words = metaMessage?.trim() ? metaMessage.trim() : 'WhatsApp refused the message';
  return { code: code ?? 0, meaning: words, handling: 'final' };
}

/**
 * One line for a person: "WhatsApp error 132001: the template does not exist in that language
 * (template order_address_needed, en)". The template is named whenever one was sent.
 */
export function explainWhatsappError(
  code: number | null | undefined,
  opts: { metaMessage?: string | null; details?: string | null; template?: { name: string; language: string } | null } = {},
): string {
  const info = whatsappError(code, opts.metaMessage);
  const template = opts.template ? ` (template ${opts.template.name}, ${opts.template.language})` : '';
  const details = opts.details?.trim() && info.handling !== 'send_template' ? `: ${opts.details.trim()}` : '';
  return `WhatsApp error ${info.code}: ${info.meaning}${info.handling === 'fix_template' ? template : ''}${details}`;
}
