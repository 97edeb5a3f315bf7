import { timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * The receiver's side of Standard Webhooks, for our tests' fake endpoints: any of the
 * space-separated v1 signatures may match (the spec allows several during a secret rotation),
 * within the tolerance of `now`. The signature is the library's; the clock is the test's, since
 * the library's own verify() reads the real one.
 */
export function verifyStandardWebhook(secret: string, headers: Headers, body: string, now: Date = new Date(), toleranceSeconds = 300): boolean {
  const id = headers.get('webhook-id');
  const timestamp = Number(headers.get('webhook-timestamp'));
  const given = headers.get('webhook-signature');
  if (!id || !given || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(new Webhook(secret).sign(id, new Date(timestamp * 1000), body));
  return given.split(' ').some((candidate) => {
    const bytes = Buffer.from(candidate);
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  });
}
