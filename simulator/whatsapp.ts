import { createHmac } from 'node:crypto';
import type { JsonObject, SimCall } from './types';

// The demo's WhatsApp side: a few customers the agent asked over WhatsApp (send_whatsapp) write
// back, signed as Meta signs (X-Hub-Signature-256) and posted to /api/webhooks/whatsapp, so the
// demo has replies on the queue, on calls and on customers' pages, and some customers' service
// windows are open. Replies to the demo's own actions: their customers, after their calls ended.

/** Fake, fixed settings for local demos: never valid anywhere else. */
export const DEMO_WHATSAPP = {
  appSecret: 'demo_whatsapp_app_secret',
  verifyToken: 'demo-whatsapp-verify-token',
  /** The business number the replies arrive at, when the server names none (WHATSAPP_PHONE_NUMBER_ID). */
  phoneNumberId: '100000000000001',
} as const;

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface DemoReply {
  providerCallId: string;
  customer: string;
  reason: string;
  at: Date;
  text: string;
}

const REPLIES: Record<string, string[]> = {
  missing_address: [
    'Flat 12B, Lotus Residency, 4th Cross, Koramangala, Bengaluru 560034',
    'House 7, Sector 21, near the water tank, Gurugram 122016',
    '3rd floor, 45 Anna Salai, Teynampet, Chennai 600018',
  ],
  missing_first_name: ['My name is Meenakshi', 'It is Rahul, thanks'],
  invalid_cart_data: ['2 x Masala Chai 250g and 1 Ginger Honey please', 'Just the cardamom tea, one pack'],
};

/** The demo month's WhatsApp actions, newest first: whose customer, why, and when their call ended. */
function whatsappActions(calls: readonly SimCall[]): { providerCallId: string; customer: string; reason: string; endedMs: number }[] {
  const out: { providerCallId: string; customer: string; reason: string; endedMs: number }[] = [];
  for (const call of calls) {
    let action: JsonObject | undefined;
    let endedMs: number | undefined;
    for (const body of call.events) {
      const event = isObject(body.event) ? body.event : undefined;
      const data = event && isObject(event.data) ? event.data : undefined;
      if (!data) continue;
      if (event?.type === 'action' && typeof data.action === 'string' && /^send[-_]whatsapp$/.test(data.action)) action = data;
      const ended = isObject(data.call) ? data.call.endedAt : undefined;
      if (typeof ended === 'string') endedMs = Date.parse(ended);
    }
    const number = action && isObject(action.payload) ? action.payload.number : undefined;
    if (action && typeof number === 'string' && endedMs !== undefined)
      out.push({
        providerCallId: call.providerCallId,
        customer: number,
        reason: typeof action.reason === 'string' ? action.reason : 'missing_address',
        endedMs,
      });
  }
  return out.sort((a, b) => b.endedMs - a.endedMs);
}

/** Who writes back: the `count` most recent WhatsApp actions' customers, 4 to 50 minutes after their call. */
export function demoReplies(calls: readonly SimCall[], now: Date, count = 6): DemoReply[] {
  return whatsappActions(calls)
    .slice(0, count)
    .map((a, i) => {
      const texts = REPLIES[a.reason] ?? REPLIES.missing_address ?? [];
      const at = new Date(Math.min(a.endedMs + (4 + ((i * 11) % 47)) * 60_000, now.getTime() - 60_000));
      return { providerCallId: a.providerCallId, customer: a.customer, reason: a.reason, at, text: texts[i % texts.length] ?? 'ok' };
    });
}

/** Meta's webhook body for one customer message. */
export function replyBody(reply: DemoReply, phoneNumberId: string): string {
  const digits = reply.customer.replace(/\D/g, '');
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'demo_waba',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: `Customer ${digits.slice(-4)}` }, wa_id: digits }],
              messages: [
                {
                  from: digits,
                  id: `wamid.demo_${reply.providerCallId}`,
                  timestamp: String(Math.floor(reply.at.getTime() / 1000)),
                  type: 'text',
                  text: { body: reply.text },
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

export function signWhatsapp(body: string, secret: string): Record<string, string> {
  return { 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
}

/** Posts the replies; resolves with how many the server accepted. */
export async function sendDemoReplies(opts: {
  baseUrl: string;
  appSecret: string;
  phoneNumberId: string;
  replies: DemoReply[];
}): Promise<{ ok: number; firstFailure: string | null }> {
  let ok = 0;
  let firstFailure: string | null = null;
  for (const reply of opts.replies) {
    const body = replyBody(reply, opts.phoneNumberId);
    const res = await fetch(`${opts.baseUrl.replace(/\/+$/, '')}/api/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signWhatsapp(body, opts.appSecret) },
      body,
    });
    if (res.ok) ok++;
    else firstFailure ??= `${res.status} ${(await res.text()).slice(0, 200)}`;
  }
  return { ok, firstFailure };
}
