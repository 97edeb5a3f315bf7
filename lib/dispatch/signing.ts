import { createHmac, timingSafeEqual } from 'node:crypto';

// Standard Webhooks (standardwebhooks.com): the signed content is "<webhook-id>.<webhook-timestamp>.<body>",
// HMAC-SHA256 keyed with the base64-decoded part of a `whsec_` secret, sent as
// `webhook-signature: v1,<base64>`. The webhook-id is our outbox id, the receiver's idempotency key.

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export function standardWebhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export function standardWebhookHeaders(secret: string, id: string, body: string, now: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': standardWebhookSignature(secret, id, timestamp, body) };
}

/**
 * The receiver's side, used by our tests' fake endpoints: any of the space-separated v1
 * signatures may match (the spec allows several during a secret rotation), within the tolerance.
 */
export function verifyStandardWebhook(secret: string, headers: Headers, body: string, now: Date = new Date(), toleranceSeconds = 300): boolean {
  const id = headers.get('webhook-id');
  const timestamp = Number(headers.get('webhook-timestamp'));
  const given = headers.get('webhook-signature');
  if (!id || !given || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(standardWebhookSignature(secret, id, timestamp, body));
  return given.split(' ').some((candidate) => {
    const bytes = Buffer.from(candidate);
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  });
}
