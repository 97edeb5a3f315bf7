import { type JsonObject, type Order, type Rng, SECOND, type SimCall, type SimStory } from '@/lib/providers/simulate';
import type { CallStatus } from '@/lib/providers/types';
import { codConversation, signAtoms } from './simulate';

/** Atoms current-format `callData.callStatus` values. */
export const ATOMS_CURRENT_OUTCOMES = ['completed', 'no_answer', 'busy', 'failed'] as const;
export type AtomsCurrentOutcome = (typeof ATOMS_CURRENT_OUTCOMES)[number];

// One Atoms call in the current envelope (providers.md §3.2, docs of 2026-05):
// {url, description, event: "<agentId>.<eventType>", metadata, id}. pre-conversation on dial,
// post-conversation with callData (and the transcript when answered), then analytics-completed
// for answered calls. The endpoint and signature are the seed format's: POST /api/webhooks/atoms.

const AGENTS = [
  { id: '69fc7dd072a0c1d28d948ace', name: 'Nisha', phone: '+918035317096' },
  { id: '69fc7dd072a0c1d28d948b01', name: 'Riya', phone: '+918035317112' },
] as const;

const STATUS: Record<AtomsCurrentOutcome, string> = { completed: 'completed', no_answer: 'no-answer', busy: 'busy', failed: 'failed' };

export interface AtomsCurrentCallInput {
  rng: Rng;
  outcome: AtomsCurrentOutcome;
  startMs: number;
  callId: string;
  order: Order;
  eventId: () => string;
}

export function atomsCurrentCall({ rng, outcome, startMs, callId, order, eventId }: AtomsCurrentCallInput): SimCall {
  const agent = rng.pick(AGENTS);
  const iso = (ms: number) => new Date(ms).toISOString();
  const envelope = (eventType: string, metadata: JsonObject): JsonObject => ({
    url: 'https://callboard.example.com/api/webhooks/atoms',
    description: 'COD confirmation agent',
    event: `${agent.id}.${eventType}`,
    metadata: { agentId: agent.id, eventType, conversationType: 'telephonyOutbound', callId, ...metadata },
    id: eventId(),
  });
  const numbers = { fromNumber: agent.phone, toNumber: order.customer.phone };
  const events: JsonObject[] = [envelope('pre-conversation', { toPhone: order.customer.phone, fromPhone: agent.phone })];

  if (outcome !== 'completed') {
    const endMs = startMs + rng.int(15, 40) * SECOND;
    events.push(
      envelope('post-conversation', {
        callData: { ...numbers, callDirection: 'telephony_outbound', callStatus: STATUS[outcome], callDuration: 0, endTime: iso(endMs) },
      }),
    );
    return { provider: 'atoms', dialect: 'atoms-current', providerCallId: callId, outcome, startedAt: iso(startMs), events };
  }

  const answerMs = startMs + rng.int(3, 15) * SECOND;
  let t = answerMs + rng.int(1, 3) * SECOND;
  const disposition = rng.weighted([
    ['successful', 6],
    ['unsuccessful', 2],
    ['callback_requested', 2],
  ] as const);
  const transcript: JsonObject[] = codConversation(rng, order, disposition, 'outbound', agent.name).map((line) => {
    const turn = { role: line.role, content: line.content, timestamp: iso(t) };
    t += (Math.ceil(line.content.split(' ').length * 0.4) + rng.int(1, 3)) * SECOND;
    return turn;
  });
  const endMs = t + rng.int(1, 4) * SECOND;
  const callData: JsonObject = {
    ...numbers,
    callDirection: 'telephony_outbound',
    callStatus: 'completed',
    answerTime: iso(answerMs),
    endTime: iso(endMs),
    callDuration: (endMs - answerMs) / 1000,
  };
  const variables: JsonObject = {
    call_id: callId,
    customer_name: `${order.customer.firstName} ${order.customer.lastName}`,
    order_id: order.orderId,
    order_amount: String(order.total),
    agent_name: agent.name,
    timezone: 'Asia/Kolkata',
  };
  events.push(envelope('post-conversation', { recordingUrl: `https://recordings.example.com/${callId}/composite.wav`, callData, transcript, variables }));
  events.push(
    envelope('analytics-completed', {
      callData,
      analytics: {
        summary: `${order.customer.firstName} was called to confirm a cash-on-delivery order; outcome: ${disposition.replace('_', ' ')}.`,
        dispositionMetrics: [
          { identifier: 'order_confirmed', value: disposition === 'successful', confidence: 1, reasoning: 'Stated on the call.' },
          { identifier: 'callback_requested', value: disposition === 'callback_requested', confidence: 1, reasoning: 'Stated on the call.' },
        ],
        successMetrics: [
          { identifier: 'confirmed_order', successMetricPrompt: 'Did the customer confirm the order?', value: disposition === 'successful', confidence: 0.9 },
        ],
      },
    }),
  );
  return { provider: 'atoms', dialect: 'atoms-current', providerCallId: callId, outcome, startedAt: iso(startMs), events };
}

/** Atoms' current envelope: posted to the atoms endpoint, signed the same way. */
export const atomsCurrentStory: SimStory = {
  id: 'atoms-current',
  endpoint: 'atoms',
  dialect: 'atoms-current',
  outcomes: ATOMS_CURRENT_OUTCOMES,
  weights: [
    ['completed', 70],
    ['no_answer', 15],
    ['busy', 10],
    ['failed', 5],
  ] satisfies (readonly [AtomsCurrentOutcome, number])[],
  finalStatus: { completed: 'completed', no_answer: 'no_answer', busy: 'busy', failed: 'failed' } satisfies Record<AtomsCurrentOutcome, CallStatus>,
  // Opt-in too, so runs without it draw exactly the calls they drew before it existed.
  byDefault: false,
  start:
    () =>
    ({ rng, idRng, startMs, order, outcome, uniqueId }) =>
      atomsCurrentCall({
        rng,
        startMs,
        order,
        outcome: outcome as AtomsCurrentOutcome,
        callId: uniqueId(() => `CALL-${startMs}-${idRng.hex(6)}`),
        eventId: () => idRng.hex(24),
      }),
  sign: (body, secret) => signAtoms(body, secret),
};
