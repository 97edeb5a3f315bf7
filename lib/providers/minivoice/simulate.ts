import { isoS, type JsonObject, type Order, type Rng, SECOND, type SimCall, type SimStory, simHmacHex } from '@/lib/providers/simulate';
import type { CallStatus } from '@/lib/providers/types';

export const MINIVOICE_OUTCOMES = ['completed'] as const;
export type MiniVoiceOutcome = (typeof MINIVOICE_OUTCOMES)[number];

// One MiniVoice call: call.created → call.completed (seed 003). Both events carry the full
// call object and `data.event_key`, the dedupe key MiniVoice documents (providers.md §2.3).

/** One MiniVoice account with an outbound confirmation app and an inbound support line. */
const ACCOUNT = {
  customerId: 'cust_4f8a2c91',
  outbound: { applicationId: 'app_3b9d71e0', did: '+912248900011' },
  inbound: { applicationId: 'app_8c2e45fa', did: '+918047100022' },
} as const;

export interface MiniVoiceCallInput {
  rng: Rng;
  startMs: number;
  callId: string;
  order: Order;
}

export function miniVoiceCall({ rng, startMs, callId, order }: MiniVoiceCallInput): SimCall {
  const direction = rng.chance(0.75) ? 'outbound' : 'inbound';
  const app = ACCOUNT[direction];
  const customer = order.customer.phone;
  const providerCallId = rng.uuid();
  const call = (status: string): JsonObject => ({
    id: callId,
    customer_id: ACCOUNT.customerId,
    application_id: app.applicationId,
    provider_call_id: providerCallId,
    status,
    direction,
    from: direction === 'outbound' ? app.did : customer,
    to: direction === 'outbound' ? customer : app.did,
    route_mode: 'webhook',
    routing_target: app.applicationId,
  });
  const endMs = startMs + rng.int(8, 25) * SECOND + rng.int(30, 300) * SECOND;
  const variables: JsonObject =
    direction === 'outbound'
      ? {
          order_id: order.orderId,
          customer_name: `${order.customer.firstName} ${order.customer.lastName}`,
          confirmation: rng.weighted([
            ['confirmed', 6],
            ['cancelled', 2],
            ['no_response', 2],
          ]),
        }
      : { intent: rng.pick(['order_status', 'change_address', 'cancel_order']), order_id: order.orderId };
  const event = (name: string, atMs: number, status: string, vars: JsonObject): JsonObject => ({
    event: name,
    created_at: isoS(atMs),
    call: call(status),
    variables: vars,
    data: { event_key: `${callId}:${name}` },
  });
  return {
    provider: 'minivoice',
    providerCallId: callId,
    outcome: 'completed',
    startedAt: isoS(startMs),
    events: [event('call.created', startMs, 'in_progress', {}), event('call.completed', endMs, 'completed', variables)],
  };
}

/** MiniVoice: `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>`, timestamp in unix seconds. */
export function signMiniVoice(body: string, secret: string, timestampSeconds: number): Record<string, string> {
  const ts = String(timestampSeconds);
  return {
    'x-minivoice-timestamp': ts,
    'x-minivoice-signature': `v1=${simHmacHex(secret, `${ts}.${body}`)}`,
  };
}

export const miniVoiceStory: SimStory = {
  id: 'minivoice',
  endpoint: 'minivoice',
  outcomes: MINIVOICE_OUTCOMES,
  weights: [['completed', 1]],
  finalStatus: { completed: 'completed' } satisfies Record<MiniVoiceOutcome, CallStatus>,
  byDefault: true,
  start:
    () =>
    ({ rng, idRng, startMs, order, uniqueId }) =>
      miniVoiceCall({ rng, startMs, order, callId: uniqueId(() => `call_${idRng.alnum(20)}`) }),
  sign: (body, secret, now) => signMiniVoice(body, secret, Math.floor(now.getTime() / 1000)),
  /** Seed 003's sample request names the event in `X-MiniVoice-Event` (undocumented elsewhere). */
  headers(body): Record<string, string> {
    if (typeof body === 'string' || !('event' in body) || typeof body.event !== 'string') return {};
    return { 'x-minivoice-event': body.event };
  },
};
