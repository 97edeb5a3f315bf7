import type { Rng } from './prng';
import type { Order } from './orders';
import { SECOND, isoS, type JsonObject, type SimCall } from './types';

// One MiniVoice call: call.created → call.completed (seed 003). Both events carry the full
// call object and `data.event_key`, the dedupe key MiniVoice documents (providers.md §2.3).

/** One MiniVoice account with an outbound confirmation app and an inbound support line. */
const ACCOUNT = {
  customerId: 'cust_4f8a2c91',
  outbound: { applicationId: 'app_3b9d71e0', did: '+912248900011' },
  inbound: { applicationId: 'app_8c2e45fa', did: '+918047100022' },
} as const;

export interface MiniVoiceCallInput { rng: Rng; startMs: number; callId: string; order: Order }

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
          confirmation: rng.weighted([['confirmed', 6], ['cancelled', 2], ['no_response', 2]]),
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
