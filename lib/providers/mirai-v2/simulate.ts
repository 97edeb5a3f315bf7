import { describeItems, isoS, type JsonObject, type Order, type Rng, rupees, SECOND, type SimCall, type SimStory, simHmacHex } from '@/lib/providers/simulate';
import type { CallStatus } from '@/lib/providers/types';

/** Mirai v2: one terminal event per call, no reschedules in the envelope (§1.6). */
export const MIRAI_V2_OUTCOMES = ['answered', 'busy', 'no_answer', 'voicemail', 'timeout', 'aborted'] as const;
export type MiraiV2Outcome = (typeof MIRAI_V2_OUTCOMES)[number];

// One Mirai Minds v2 call (providers.md §1.5–1.6): `{id, type, created_at, data:{call}}`, each
// event a snapshot of the call; exactly one terminal event (completed, voicemail, failed,
// aborted), and after a completed call a `call.processed` with the transcript and analysis.

export interface MiraiV2CallInput {
  rng: Rng;
  outcome: MiraiV2Outcome;
  startMs: number;
  callId: string;
  order: Order;
  eventId: () => string;
}

const AGENTS = ['agt_01K7Q9F3K7M2N5P9R4T6V8W0XZ', 'agt_01K7QA1B2C3D4E5F6G7H8J9K0M'] as const;

/** Terminal status and `ended_reason`, as the v2 API reports them. */
const ENDINGS: Record<Exclude<MiraiV2Outcome, 'answered'>, { type: string; status: string; reason: string }> = {
  busy: { type: 'call.failed', status: 'busy', reason: 'customer-busy' },
  no_answer: { type: 'call.failed', status: 'no_answer', reason: 'customer-did-not-answer' },
  voicemail: { type: 'call.voicemail', status: 'voicemail', reason: 'voicemail-detected' },
  timeout: { type: 'call.failed', status: 'timeout', reason: 'time-limit-close' },
  aborted: { type: 'call.aborted', status: 'aborted', reason: 'aborted-by-user' },
};

export function miraiV2Call({ rng, outcome, startMs, callId, order, eventId }: MiraiV2CallInput): SimCall {
  const agent = rng.pick(AGENTS);
  const metadata: JsonObject = { order_id: order.orderId, store: order.store };
  const call = (status: string, extra: JsonObject = {}): JsonObject => ({
    id: callId,
    object: 'call',
    agent_id: agent,
    to: order.customer.phone,
    status,
    tier: 't3',
    metadata,
    ...extra,
  });
  const events: JsonObject[] = [];
  const emit = (type: string, atMs: number, data: JsonObject) => events.push({ id: eventId(), type, created_at: isoS(atMs), data });

  emit('call.queued', startMs, { call: call('queued') });
  const dialMs = startMs + rng.int(2, 20) * SECOND;
  if (outcome === 'aborted') {
    emit('call.aborted', dialMs, { call: call('aborted', { ended_reason: ENDINGS.aborted.reason, ended_at: isoS(dialMs), duration_secs: 0, cost_inr: null }) });
  } else if (outcome === 'busy' || outcome === 'no_answer' || outcome === 'voicemail') {
    const end = ENDINGS[outcome];
    const endMs = dialMs + rng.int(15, 40) * SECOND;
    emit(end.type, endMs, { call: call(end.status, { ended_reason: end.reason, started_at: null, ended_at: isoS(endMs), duration_secs: 0, cost_inr: null }) });
  } else {
    const startedAt = isoS(dialMs);
    emit('call.started', dialMs, { call: call('in_progress', { started_at: startedAt }) });
    const seconds = outcome === 'timeout' ? 600 : rng.int(45, 240);
    const endMs = dialMs + seconds * SECOND;
    // ₹3 a started minute: the number the v2 docs quote for tier t3.
    const costInr = Math.ceil(seconds / 60) * 3;
    const ended: JsonObject = { started_at: startedAt, ended_at: isoS(endMs), duration_secs: seconds, cost_inr: costInr };
    if (outcome === 'timeout') {
      emit('call.failed', endMs, { call: call('timeout', { ...ended, ended_reason: ENDINGS.timeout.reason }) });
    } else {
      emit('call.completed', endMs, { call: call('completed', { ...ended, ended_reason: 'assistant-ended-call' }) });
      const confirmed = rng.chance(0.7);
      const analysis: JsonObject = {
        summary: `${order.customer.firstName} ${confirmed ? 'confirmed' : 'cancelled'} the cash-on-delivery order of ${describeItems(order.items)} (${rupees(order.total)}).`,
        success: confirmed,
        outcome: confirmed ? 'order_confirmed' : 'order_cancelled',
      };
      const turns: JsonObject[] = [
        {
          role: 'assistant',
          text: `Hello ${order.customer.firstName}, this is ${order.store} calling about your order of ${rupees(order.total)}.`,
          start_ms: 400,
          end_ms: 4200,
        },
        { role: 'user', text: confirmed ? 'Yes, please deliver it.' : 'Please cancel it.', start_ms: 5000, end_ms: 6600 },
        { role: 'assistant', text: confirmed ? 'Done, it ships in three to five days.' : 'Cancelled; you will not be charged.', start_ms: 7200, end_ms: 9800 },
      ];
      emit('call.processed', endMs + rng.int(20, 90) * SECOND, {
        call: call('completed', { ...ended, ended_reason: 'assistant-ended-call', analysis }),
        processing: { transcript: 'ready', analysis: 'ready', post_call_tools: 'not_enabled', version: 1 },
        transcript: { status: 'ready', turns },
      });
    }
  }
  return { provider: 'mirai-v2', providerCallId: callId, outcome, startedAt: isoS(startMs), events };
}

/** Mirai v2 (§1.5): `X-Mirai-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signMiraiV2(body: string, secret: string, timestampSeconds: number): Record<string, string> {
  const t = String(timestampSeconds);
  return { 'x-mirai-signature': `t=${t},v1=${simHmacHex(secret, `${t}.${body}`)}` };
}

export const miraiV2Story: SimStory = {
  id: 'mirai-v2',
  endpoint: 'mirai-v2',
  outcomes: MIRAI_V2_OUTCOMES,
  weights: [
    ['answered', 55],
    ['busy', 10],
    ['no_answer', 15],
    ['voicemail', 8],
    ['timeout', 4],
    ['aborted', 8],
  ] satisfies (readonly [MiraiV2Outcome, number])[],
  finalStatus: {
    answered: 'completed',
    busy: 'busy',
    no_answer: 'no_answer',
    voicemail: 'voicemail',
    timeout: 'timeout',
    aborted: 'canceled',
  } satisfies Record<MiraiV2Outcome, CallStatus>,
  // Opt-in: it needs its own secret (MIRAI_V2_WEBHOOK_SECRET), which not every setup has.
  byDefault: false,
  start:
    () =>
    ({ rng, idRng, startMs, order, outcome, uniqueId }) =>
      miraiV2Call({
        rng,
        startMs,
        order,
        outcome: outcome as MiraiV2Outcome,
        callId: uniqueId(() => `call_${idRng.alnum(26)}`),
        eventId: () => `evt_${idRng.alnum(26)}`,
      }),
  sign: (body, secret, now) => signMiraiV2(body, secret, Math.floor(now.getTime() / 1000)),
};
