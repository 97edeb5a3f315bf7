import type { WhatsAppCloudTarget } from '@/lib/env-dispatch';
import type { Destination, Http, SendResult } from '../destination';

// WhatsApp Cloud API: POST /{phone-number-id}/messages, a text message inside the customer's
// 24-hour service window, a pre-approved template outside it. The Graph API has no idempotency
// key, so an attempt without an answer becomes needs_check, never a blind resend.

// Graph error codes that mean "slow down" or "try later" even on a 400.
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131016, 131056, 133004]);

interface WhatsappOutbox {
  number: string;
  message?: string;
  template?: { name: string; language: string };
}

export function cloudMessageBody(payload: WhatsappOutbox) {
  const to = payload.number.replace(/\D/g, '');
  if (payload.template) {
    return {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: { name: payload.template.name, language: { code: payload.template.language } },
    };
  }
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { preview_url: false, body: payload.message ?? '' } };
}

export function whatsappCloudDestination(target: WhatsAppCloudTarget, http: Http): Destination {
  return {
    async send(message): Promise<SendResult> {
      const ex = await http.exchange(`${target.baseUrl}/${target.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
        body: JSON.stringify(cloudMessageBody(message.payload as unknown as WhatsappOutbox)),
      });
      if (ex.kind !== 'response') return http.fromFailure(ex);
      const json = http.parseJson(ex.text) as { messages?: { id?: string }[]; error?: { code?: number; message?: string } } | null;
      if (ex.status >= 200 && ex.status < 300) return { outcome: 'sent', httpStatus: ex.status, responseId: json?.messages?.[0]?.id ?? null };
      const code = json?.error?.code;
      const detail = json?.error?.message ? `${json.error.message}${code ? ` (code ${code})` : ''}` : null;
      if (code !== undefined && RETRYABLE_CODES.has(code))
        return { outcome: 'retry', httpStatus: ex.status, error: detail ?? `HTTP ${ex.status}`, retryAfterMs: null };
      const plain = http.fromStatus(ex);
      return plain.outcome === 'failed' && detail ? { ...plain, error: `HTTP ${ex.status}: ${detail}` } : plain;
    },
  };
}
