import type { WhatsAppCloudTarget } from '@/lib/env-dispatch';
import { explainWhatsappError, KNOWN_WHATSAPP_ERROR_CODES, whatsappError } from '@/lib/whatsapp/errors';
import type { Destination, Http, SendResult } from '../destination';

// WhatsApp Cloud API: POST /{phone-number-id}/messages, free text inside the customer's service
// window, a template with its body parameters any time. The Graph API has no idempotency key,
// so an attempt without an answer becomes needs_check, never a blind resend. A refusal is read
// by its code (lib/whatsapp/errors.ts), never its title or HTTP status: rate limits and
// temporary errors are retried with backoff, the rest fail with the code explained.

// Graph codes beyond the WhatsApp table that also mean "slow down" or "try later".
const GRAPH_RETRYABLE_CODES = new Set([4, 80007, 131016, 133004]);

interface WhatsappOutbox {
  number: string;
  message?: string;
  template?: { name: string; language: string; parameters?: string[] };
}

export function cloudMessageBody(payload: WhatsappOutbox) {
  const to = payload.number.replace(/\D/g, '');
  if (payload.template) {
    const parameters = payload.template.parameters ?? [];
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: {
        name: payload.template.name,
        language: { code: payload.template.language },
        ...(parameters.length ? { components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }] } : {}),
      },
    };
  }
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { preview_url: false, body: payload.message ?? '' } };
}

interface GraphError {
  code?: number;
  message?: string;
  error_data?: { details?: string };
}

export function whatsappCloudDestination(target: WhatsAppCloudTarget, http: Http): Destination {
  return {
    async send(message): Promise<SendResult> {
      const payload = message.payload as unknown as WhatsappOutbox;
      const ex = await http.exchange(`${target.baseUrl}/${target.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
        body: JSON.stringify(cloudMessageBody(payload)),
      });
      if (ex.kind !== 'response') return http.fromFailure(ex);
      const json = http.parseJson(ex.text) as { messages?: { id?: string }[]; error?: GraphError } | null;
      if (ex.status >= 200 && ex.status < 300) return { outcome: 'sent', httpStatus: ex.status, responseId: json?.messages?.[0]?.id ?? null };
      const error = json?.error;
      const code = typeof error?.code === 'number' ? error.code : undefined;
      if (code === undefined) return http.fromStatus(ex);
      const explained = explainWhatsappError(code, {
        metaMessage: error?.message,
        details: error?.error_data?.details,
        template: payload.template ? { name: payload.template.name, language: payload.template.language } : null,
      });
      if (whatsappError(code, error?.message).handling === 'retry' || GRAPH_RETRYABLE_CODES.has(code)) {
        const plain = http.fromStatus(ex);
        return { outcome: 'retry', httpStatus: ex.status, error: explained, retryAfterMs: plain.outcome === 'retry' ? plain.retryAfterMs : null };
      }
      // A code the table does not know: the HTTP status decides (a 5xx or 429 is tried again).
      if (!KNOWN_WHATSAPP_ERROR_CODES.includes(code)) {
        const plain = http.fromStatus(ex);
        if (plain.outcome === 'retry') return { ...plain, error: explained };
      }
      return { outcome: 'failed', httpStatus: ex.status, error: explained };
    },
  };
}
