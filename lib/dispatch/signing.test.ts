import { describe, expect, it } from 'vitest';
import { verifyStandardWebhook } from '@/test/standard-webhook';
import { standardWebhookHeaders, standardWebhookSignature } from './signing';

// The Standard Webhooks reference vector, recomputed independently with
//   printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' |
//   openssl dgst -sha256 -mac HMAC -macopt hexkey:$(echo -n MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 256) -binary | base64
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signing', () => {
  it('matches the known vector', () => {
    expect(standardWebhookSignature(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('sends webhook-id, webhook-timestamp and webhook-signature that a receiver verifies', () => {
    const now = new Date(VECTOR.timestamp * 1000);
    const headers = standardWebhookHeaders(VECTOR.secret, VECTOR.id, VECTOR.body, now);
    expect(headers).toEqual({ 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature });
    expect(verifyStandardWebhook(VECTOR.secret, new Headers(headers), VECTOR.body, now)).toBe(true);
  });

  it('refuses a changed body, another secret, a stale timestamp; accepts one of several signatures', () => {
    const now = new Date(VECTOR.timestamp * 1000);
    const headers = new Headers(standardWebhookHeaders(VECTOR.secret, VECTOR.id, VECTOR.body, now));
    expect(verifyStandardWebhook(VECTOR.secret, headers, '{"test": 2432232315}', now)).toBe(false);
    expect(verifyStandardWebhook('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA', headers, VECTOR.body, now)).toBe(false);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, new Date(now.getTime() + 301_000))).toBe(false);
    headers.set('webhook-signature', `v1,bm90IGl0 ${VECTOR.signature}`);
    expect(verifyStandardWebhook(VECTOR.secret, headers, VECTOR.body, now)).toBe(true);
  });
});
