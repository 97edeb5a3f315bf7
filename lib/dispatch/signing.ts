import { Webhook } from 'standardwebhooks';

// Standard Webhooks (standardwebhooks.com), by the spec's own library: the signed content is
// "<webhook-id>.<webhook-timestamp>.<body>", HMAC-SHA256 keyed with the base64-decoded part of a
// `whsec_` secret, sent as `webhook-signature: v1,<base64>`. The webhook-id is our outbox id, the
// receiver's idempotency key. (Verifying is the receiver's half; our tests' fake endpoints do it
// with the same library, test/standard-webhook.ts.)

export function standardWebhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
}

export function standardWebhookHeaders(secret: string, id: string, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': standardWebhookSignature(secret, id, timestamp, body) };
}
