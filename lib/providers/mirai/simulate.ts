import { createHash } from 'node:crypto';
import {
  describeItems,
  isoMs,
  type JsonObject,
  MINUTE,
  type Order,
  type Rng,
  rupees,
  SECOND,
  type SimCall,
  type SimStory,
  simHmacHex,
} from '@/lib/providers/simulate';
import type { CallStatus } from '@/lib/providers/types';

export const MIRAI_OUTCOMES = ['answered', 'busy', 'no_answer_rescheduled_answered', 'validation_failed', 'timeout', 'aborted', 'skip'] as const;
export type MiraiOutcome = (typeof MIRAI_OUTCOMES)[number];

// One Mirai Minds v1 call task in the seed envelope `{metadata, event:{type, data}}`.
// Events carry no timestamp of their own; the times live in `data.call`. A reschedule keeps
// the call id: the id names the task, and `report` counts its attempts (providers.md §1.3).

/** The org's credit balance, in half credits so sums stay exact. */
export interface MiraiLedger {
  halves: number;
}

export interface MiraiCallInput {
  rng: Rng;
  outcome: MiraiOutcome;
  startMs: number;
  callId: string;
  order: Order;
  ledger: MiraiLedger;
  /** Mirai spells actions both ways (§1.2); calls alternate so receivers see both. */
  actionStyle: 'snake' | 'kebab';
}

interface Span {
  startedMs?: number;
  endedMs?: number;
  recorded?: boolean;
}
interface Report {
  reAttemptCount: number;
  rescheduledCount: number;
}
type Scenario = 'order' | 'whatsapp' | 'both' | 'declined' | 'callback';
type WhatsAppReason = 'missing_address' | 'missing_first_name' | 'invalid_cart_data';

const SCENARIOS: readonly (readonly [Scenario, number])[] = [
  ['order', 45],
  ['whatsapp', 15],
  ['both', 10],
  ['declined', 15],
  ['callback', 15],
];
const DURATIONS: Record<Scenario, readonly [number, number]> = {
  order: [60, 200],
  whatsapp: [60, 180],
  both: [120, 260],
  declined: [30, 90],
  callback: [15, 45],
};

export function miraiCall(input: MiraiCallInput): SimCall {
  const { rng, outcome, startMs, callId, order, ledger } = input;
  const metadata: JsonObject = {
    internalOrderId: order.orderId,
    store: order.store,
    campaign: rng.pick(['cod-confirmation', 'abandoned-cart']),
    customerPhone: outcome === 'validation_failed' ? `+91${rng.int(10000, 99999)}` : order.customer.phone,
  };
  const events: JsonObject[] = [];
  const emit = (type: string, data: JsonObject) => events.push({ metadata, event: { type, data } });
  const call = (status: string, span: Span = {}): JsonObject => {
    const view: JsonObject = {
      id: callId,
      status,
      startedAt: span.startedMs === undefined ? null : isoMs(span.startedMs),
      endedAt: span.endedMs === undefined ? null : isoMs(span.endedMs),
    };
    if (span.startedMs !== undefined && span.endedMs !== undefined) view.durationSeconds = Math.round((span.endedMs - span.startedMs) / SECOND);
    view.recordingUrl = span.recorded ? `https://cdn.miraiminds.co/recordings/${callId}.mp3` : null;
    view.detailUrl = `https://app.miraiminds.co/calls/${callId}`;
    return view;
  };
  const close = (status: string, report: Report, span: Span = {}) =>
    emit('call.lifecycle-ended', { call: call(status, span), report: { ...report, finalStatus: status } });
  const credits = (seconds: number): JsonObject => {
    // About one credit a minute, billed per started half minute; top up when low, as an org would.
    const used = Math.max(1, Math.ceil(seconds / 30));
    if (ledger.halves < used + 20) ledger.halves += 2000;
    ledger.halves -= used;
    return { used: used / 2, available: ledger.halves / 2 };
  };
  const action = (kind: 'order' | 'whatsapp', reason: WhatsAppReason | null = null) => {
    const name = kind === 'order' ? 'create_order' : 'send_whatsapp';
    const data: JsonObject = { action: input.actionStyle === 'snake' ? name : name.replace('_', '-'), call: { id: callId }, reason };
    data.payload = kind === 'order' ? orderPayload(order, metadata.campaign === 'abandoned-cart') : { number: order.customer.phone };
    emit('action', data);
  };

  const answered = (t: number, report: Report) => {
    const scenario = rng.weighted(SCENARIOS);
    const [min, max] = DURATIONS[scenario];
    const startedMs = t + rng.int(6, 25) * SECOND;
    const endedMs = startedMs + rng.int(min, max) * SECOND;
    const whatsAppReason: WhatsAppReason = scenario === 'both' ? 'missing_address' : rng.pick(['missing_address', 'missing_first_name', 'invalid_cart_data']);
    emit('call.initiate', { call: call('initiate') });
    emit('call.in-progress', { call: call('in-progress', { startedMs }) });
    if (scenario === 'whatsapp' || scenario === 'both') action('whatsapp', whatsAppReason);
    if (scenario === 'order' || scenario === 'both') action('order');
    emit('call.ended', { call: call('ended', { startedMs, endedMs }) });
    const full = { startedMs, endedMs, recorded: true };
    emit('call.completed', { call: call('completed', full) });
    emit('end-of-call', {
      call: call('completed', full),
      analysis: analysis(rng, scenario, whatsAppReason, order),
      credits: credits((endedMs - startedMs) / SECOND),
      report: { ...report },
    });
    close('completed', report, full);
  };

  const t = startMs;
  // v1 events carry no time of their own, and calls that never connect have no conversation to
  // time. The simulator puts when the task was dialled (or refused, or skipped) in the optional
  // `call.startedAt` of their status events, so every simulated call says when it happened.
  // call.initiate stays without it: a retry's initiate is byte-identical, as the spec describes.
  const placed: Span = { startedMs: t };
  switch (outcome) {
    case 'answered':
      answered(t, { reAttemptCount: 0, rescheduledCount: 0 });
      break;
    case 'no_answer_rescheduled_answered': {
      emit('call.initiate', { call: call('initiate') });
      emit('call.no-answer', { call: call('no-answer', placed) });
      emit('call.rescheduled', { call: call('rescheduled', placed) });
      // The default retryProtocol.reAttemptPeriod is 300 s; campaigns often wait longer.
      answered(t + rng.int(5, 60) * MINUTE, { reAttemptCount: 1, rescheduledCount: 1 });
      break;
    }
    case 'busy':
      emit('call.initiate', { call: call('initiate') });
      emit('call.busy', { call: call('busy', placed) });
      close('busy', { reAttemptCount: 0, rescheduledCount: 0 }, placed);
      break;
    case 'validation_failed':
      // Pre-call validation rejects the number before anything is dialled.
      emit('call.validation-failed', { call: call('validation-failed', placed) });
      close('validation-failed', { reAttemptCount: 0, rescheduledCount: 0 }, placed);
      break;
    case 'skip':
      emit('call.skip', { call: call('skip', placed) });
      close('skip', { reAttemptCount: 0, rescheduledCount: 0 }, placed);
      break;
    case 'timeout': {
      const startedMs = t + rng.int(6, 25) * SECOND;
      const limit = rng.pick([300, 600]);
      const span = { startedMs, endedMs: startedMs + limit * SECOND, recorded: true };
      emit('call.initiate', { call: call('initiate') });
      emit('call.in-progress', { call: call('in-progress', { startedMs }) });
      emit('call.timeout', { call: call('timeout', span) });
      emit('end-of-call', {
        call: call('timeout', span),
        analysis: {
          success: false,
          summary: `The call hit the ${limit / 60}-minute limit before ${order.customer.firstName} confirmed; they kept asking about delivery dates and returns.`,
          requiredActions: [],
          insights: { interested: true, callback_requested: false, customerSentiment: 'neutral', orderConfirmed: false },
        },
        credits: credits(limit),
        report: { reAttemptCount: 0, rescheduledCount: 0 },
      });
      close('timeout', { reAttemptCount: 0, rescheduledCount: 0 }, span);
      break;
    }
    case 'aborted':
      // Abort is only allowed before a status or after a failed attempt (§1.4), so most
      // aborts cancel a pending retry.
      if (rng.chance(0.7)) {
        emit('call.initiate', { call: call('initiate') });
        emit('call.busy', { call: call('busy', placed) });
        emit('call.rescheduled', { call: call('rescheduled', placed) });
        emit('call.aborted', { call: call('aborted', placed) });
        close('aborted', { reAttemptCount: 0, rescheduledCount: 1 }, placed);
      } else {
        emit('call.aborted', { call: call('aborted', placed) });
        close('aborted', { reAttemptCount: 0, rescheduledCount: 0 }, placed);
      }
      break;
  }
  return { provider: 'mirai', providerCallId: callId, outcome, startedAt: isoMs(startMs), events };
}

function orderPayload(order: Order, fromAbandonedCart: boolean): JsonObject {
  const { customer, address } = order;
  const payload: JsonObject = {
    email: customer.email,
    phone: customer.phone,
    lineItems: order.items.map((item) => ({ ...item })),
    shippingAddress: { firstName: customer.firstName, lastName: customer.lastName, ...address, phone: customer.phone },
    paymentMode: 'cod',
    cartTotal: order.total,
    codCharge: order.codCharge,
  };
  if (order.discount) payload.discount = { ...order.discount };
  payload.note = 'Customer confirmed on call';
  payload.abandonedCheckoutId = fromAbandonedCart ? order.abandonedCheckoutId : null;
  return payload;
}

function analysis(rng: Rng, scenario: Scenario, reason: WhatsAppReason, order: Order): JsonObject {
  const name = order.customer.firstName;
  const items = describeItems(order.items);
  const total = rupees(order.total);
  const insights = (interested: boolean, callback: boolean, sentiment: string, confirmed: boolean): JsonObject => ({
    interested,
    callback_requested: callback,
    customerSentiment: sentiment,
    orderConfirmed: confirmed,
  });
  switch (scenario) {
    case 'order':
      return {
        success: true,
        summary: `${name} confirmed the order for ${items} (${total}, cash on delivery) to ${order.address.city}.`,
        requiredActions: ['create-order'],
        insights: insights(true, false, 'positive', true),
      };
    case 'both':
      return {
        success: true,
        summary: `${name} could not give the full address at first, so a WhatsApp link was sent; they then dictated it and confirmed ${items} for ${total} COD.`,
        requiredActions: ['create-order', 'send-whatsapp'],
        insights: insights(true, false, 'positive', true),
      };
    case 'whatsapp': {
      const summaries: Record<WhatsAppReason, string> = {
        missing_address: `${name} wants the order but could not give a complete delivery address; a WhatsApp message was sent to collect it.`,
        missing_first_name: 'The customer would not confirm their name on the call; a WhatsApp message was sent to complete the order details.',
        invalid_cart_data: `${name} was interested but the cart could not be read; a WhatsApp message with the product link was sent.`,
      };
      return { success: false, summary: summaries[reason], requiredActions: ['send-whatsapp'], insights: insights(true, false, 'neutral', false) };
    }
    case 'declined':
      return {
        success: false,
        summary: `${name} declined the order: ${rng.pick(['ordered it by mistake', 'found it cheaper elsewhere', 'no longer needs it', 'does not want to pay on delivery'])}.`,
        requiredActions: [],
        insights: insights(false, false, rng.pick(['neutral', 'negative']), false),
      };
    case 'callback':
      return {
        success: false,
        summary: `${name} was busy and asked to be called back ${rng.pick(['after 7 pm', 'tomorrow morning', 'on the weekend'])}.`,
        requiredActions: [],
        insights: insights(true, true, 'neutral', false),
      };
  }
}

/**
 * Mirai v1 pairs each org's private key with a public key `pk_<32 hex>` that picks the
 * secret. We have only the secret, so derive a stable stand-in: the same secret always
 * presents the same public key.
 */
export function publicKeyFor(secret: string): string {
  return `pk_${createHash('sha256').update(`public-key:${secret}`).digest('hex').slice(0, 32)}`;
}

/** Mirai v1: hex HMAC-SHA256 of the raw body; no timestamp. */
export function signMirai(body: string, secret: string): Record<string, string> {
  return { 'x-signature': simHmacHex(secret, body), 'x-public-key': publicKeyFor(secret) };
}

function isObject(value: JsonObject[string] | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const miraiStory: SimStory = {
  id: 'mirai',
  endpoint: 'mirai',
  outcomes: MIRAI_OUTCOMES,
  weights: [
    ['answered', 50],
    ['busy', 10],
    ['no_answer_rescheduled_answered', 12],
    ['validation_failed', 5],
    ['timeout', 6],
    ['aborted', 7],
    ['skip', 5],
  ] satisfies (readonly [MiraiOutcome, number])[],
  finalStatus: {
    answered: 'completed',
    busy: 'busy',
    no_answer_rescheduled_answered: 'completed',
    validation_failed: 'validation_failed',
    timeout: 'timeout',
    aborted: 'canceled',
    skip: 'skipped',
  } satisfies Record<MiraiOutcome, CallStatus>,
  byDefault: true,
  start(rng) {
    const ledger: MiraiLedger = { halves: 2 * rng.int(400, 1200) };
    let count = 0;
    return ({ rng, idRng, startMs, order, outcome, uniqueId }) =>
      miraiCall({
        rng,
        startMs,
        order,
        ledger,
        outcome: outcome as MiraiOutcome,
        // Mongo-style 24-hex ids, as in recent Mirai examples.
        callId: uniqueId(() => idRng.hex(24)),
        actionStyle: count++ % 2 === 0 ? 'snake' : 'kebab',
      });
  },
  sign: (body, secret) => signMirai(body, secret),
  /** Mirai's closing report counts re-attempts and reschedules (providers.md §1.3). */
  attemptsOf(events) {
    for (const event of events) {
      const inner = event.event;
      if (!isObject(inner)) continue;
      const data = inner.data;
      if (!isObject(data)) continue;
      const report = data.report;
      if (!isObject(report)) continue;
      // A reschedule books another attempt even when an abort cancels it before it dials.
      const counts = [report.reAttemptCount, report.rescheduledCount].filter((n): n is number => typeof n === 'number');
      if (counts.length > 0) return 1 + Math.max(...counts);
    }
    return 1;
  },
  isAction: (event) => isObject(event.event) && event.event.type === 'action',
};
