import { createHmac, randomUUID } from 'node:crypto';
import { GET, POST } from '@/app/api/webhooks/whatsapp/route';

// Drives POST/GET /api/webhooks/whatsapp as Meta would: bodies signed with the app secret
// (X-Hub-Signature-256), built from small helpers for messages and statuses.

export const WHATSAPP_TEST_SECRET = 'integration_whatsapp_app_secret';
export const WHATSAPP_TEST_VERIFY_TOKEN = 'integration-verify-token';
/** The business number the tests' messages arrive at; the Cloud fake sends from it too. */
export const BUSINESS_PHONE_ID = '1234567890';

/** Call before the first request: lib/env.ts reads the environment once. */
export function useWhatsappSecrets(): void {
  process.env.WHATSAPP_APP_SECRET = `retired_app_secret,${WHATSAPP_TEST_SECRET}`;
  process.env.WHATSAPP_VERIFY_TOKEN = WHATSAPP_TEST_VERIFY_TOKEN;
}

export function whatsappSignature(body: string | Buffer, secret: string = WHATSAPP_TEST_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function postWhatsapp(
  body: string | object,
  opts: { secret?: string | null; signature?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const secret = opts.secret === undefined ? WHATSAPP_TEST_SECRET : opts.secret;
  const signature = opts.signature ?? (secret === null ? undefined : whatsappSignature(text, secret));
  const request = new Request('http://localhost/api/webhooks/whatsapp', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}), ...opts.headers },
    body: text,
  });
  const response = await POST(request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export async function handshake(query: Record<string, string>): Promise<{ status: number; text: string; type: string | null }> {
  const url = new URL('http://localhost/api/webhooks/whatsapp');
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const response = await GET(new Request(url));
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

export const wamid = (marker = '') => `wamid.HBgM${marker}${randomUUID().replace(/-/g, '').slice(0, 16)}`;
export const unix = (at: Date) => String(Math.floor(at.getTime() / 1000));

export interface ChangeValue {
  phoneNumberId?: string;
  displayNumber?: string;
  contacts?: { name: string; waId: string }[];
  messages?: Record<string, unknown>[];
  statuses?: Record<string, unknown>[];
}

export function change(v: ChangeValue) {
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: v.displayNumber ?? '15550001111', phone_number_id: v.phoneNumberId ?? BUSINESS_PHONE_ID },
      ...(v.contacts ? { contacts: v.contacts.map((c) => ({ profile: { name: c.name }, wa_id: c.waId })) } : {}),
      ...(v.messages ? { messages: v.messages } : {}),
      ...(v.statuses ? { statuses: v.statuses } : {}),
    },
  };
}

/** A webhook body: one entry per list of changes. */
export function whatsappBody(...entries: ReturnType<typeof change>[][]) {
  return { object: 'whatsapp_business_account', entry: entries.map((changes, i) => ({ id: `WABA${i}`, changes })) };
}

export function textMessage(from: string, id: string, body: string, at = new Date()) {
  return { from, id, timestamp: unix(at), type: 'text', text: { body } };
}

export function statusUpdate(
  id: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  at: Date,
  recipient: string,
  errors?: { code: number; title: string; message?: string; details?: string }[],
) {
  return {
    id,
    status,
    timestamp: unix(at),
    recipient_id: recipient,
    ...(errors
      ? { errors: errors.map((e) => ({ code: e.code, title: e.title, message: e.message ?? e.title, error_data: { details: e.details ?? e.title } })) }
      : {}),
  };
}
