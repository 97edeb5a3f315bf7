import type { Rng } from './prng';
import { codConversation } from './atoms-transcript';
import type { Order } from './orders';
import { SECOND, isoS, type AtomsOutcome, type JsonObject, type SimCall } from './types';

// One Atoms call in the seed format (seed 004): call.start → call.end → analytics.completed.
// call.start fires on connect, so unanswered calls send nothing in this dialect.

const AGENTS = [
  { id: 'agent_cod7f3a2', name: 'Nisha', phone: '+918035317096' },
  { id: 'agent_cod91c4e', name: 'Riya', phone: '+918035317112' },
] as const;

export interface AtomsCallInput { rng: Rng; outcome: AtomsOutcome; startMs: number; callId: string; order: Order }

export function atomsCall({ rng, outcome, startMs, callId, order }: AtomsCallInput): SimCall {
  const agent = rng.pick(AGENTS);
  const direction = rng.chance(0.8) ? 'outbound' : 'inbound';
  const base = (event: string, atMs: number): JsonObject => ({ event, timestamp: isoS(atMs), agent_id: agent.id, call_id: callId });

  let t = startMs + rng.int(1, 3) * SECOND;
  const transcript: JsonObject[] = codConversation(rng, order, outcome, direction, agent.name).map((line) => {
    const turn = { role: line.role, content: line.content, timestamp: isoS(t) };
    // Speaking time grows with the words said, plus a pause before the other side answers.
    t += (Math.ceil(line.content.split(' ').length * 0.4) + rng.int(1, 3)) * SECOND;
    return turn;
  });
  const endMs = t + rng.int(1, 4) * SECOND;
  const variables: JsonObject = {
    customer_name: `${order.customer.firstName} ${order.customer.lastName}`,
    order_id: order.orderId,
    order_amount: String(order.total),
    payment_mode: 'cod',
    order_status: outcome === 'successful' ? 'confirmed' : outcome === 'unsuccessful' ? 'cancelled' : 'pending',
  };
  if (outcome === 'callback_requested') variables.callback_requested = 'yes';
  const metrics: JsonObject = {
    satisfaction_score: outcome === 'successful' ? rng.int(4, 5) : rng.int(2, 4),
    issue_resolved: outcome !== 'callback_requested',
    order_confirmed: outcome === 'successful',
    follow_up_needed: outcome === 'callback_requested',
    product_discussed: order.items[0]?.title ?? 'unknown',
  };

  return {
    provider: 'atoms',
    providerCallId: callId,
    outcome,
    startedAt: isoS(startMs),
    events: [
      { ...base('call.start', startMs), call_direction: direction, caller_phone: order.customer.phone, agent_phone: agent.phone },
      { ...base('call.end', endMs), duration_seconds: Math.round((endMs - startMs) / SECOND), disposition: outcome, transcript, variables },
      { ...base('analytics.completed', endMs + rng.int(20, 90) * SECOND), metrics },
    ],
  };
}
