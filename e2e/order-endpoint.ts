// A stand-in for the team's order system during e2e: the generic order destination
// (ORDER_WEBHOOK_URL) points here, so an approval in the browser really goes out through the
// outbox and `after()`. It checks the Standard Webhooks signature and answers GET /received?key=
// with how many orders it took for an idempotency key, so a spec can check "exactly once", and
// the payload it took.
import { randomBytes } from 'node:crypto';
import { type FakeDestination, startFake } from '../test/fake-destinations';
import { verifyStandardWebhook } from '../test/standard-webhook';

export const ORDER_ENDPOINT_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

export function startOrderEndpoint(): Promise<FakeDestination> {
  return startFake((path, headers, body) => {
    if (path.startsWith('/received')) {
      const key = new URL(path, 'http://x').searchParams.get('key') ?? '';
      // The payload as the last signed request for the key carried it, so a spec can compare it
      // with what was approved.
      const payload = (fake: FakeDestination) => {
        const last = fake.requests.filter((r) => r.key === key && r.path.startsWith('/orders')).at(-1);
        return last ? (JSON.parse(last.body) as { data: { payload: unknown } }).data.payload : null;
      };
      return { key: null, read: (fake) => ({ status: 200, body: { orders: fake.effects.get(key) ?? 0, payload: payload(fake) } }) };
    }
    const key = headers.get('webhook-id');
    if (!verifyStandardWebhook(ORDER_ENDPOINT_SECRET, headers, body)) return { key, read: () => ({ status: 401, body: { error: 'bad signature' } }) };
    return { key, done: (_fake, k) => ({ id: `order_${k.slice(0, 8)}` }) };
  });
}
