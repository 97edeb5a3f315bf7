import { describeItems, isoS, type JsonObject, type Order, type Rng, rupees, SECOND, type SimCall, type SimStory, simHmacHex } from '@/lib/providers/simulate';
import type { CallStatus } from '@/lib/providers/types';

/** Atoms seed-format `call.end` dispositions. */
export const ATOMS_OUTCOMES = ['successful', 'unsuccessful', 'callback_requested'] as const;
export type AtomsOutcome = (typeof ATOMS_OUTCOMES)[number];

// One Atoms call in the seed format (seed 004): call.start → call.end → analytics.completed.
// call.start fires on connect, so unanswered calls send nothing in this dialect.

const AGENTS = [
  { id: 'agent_cod7f3a2', name: 'Nisha', phone: '+918035317096' },
  { id: 'agent_cod91c4e', name: 'Riya', phone: '+918035317112' },
] as const;

export interface AtomsCallInput {
  rng: Rng;
  outcome: AtomsOutcome;
  startMs: number;
  callId: string;
  order: Order;
}

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

/** Atoms (canonical): hex HMAC-SHA256 of the raw body, no prefix, no timestamp. */
export function signAtoms(body: string, secret: string): Record<string, string> {
  return { 'x-signature': simHmacHex(secret, body) };
}

export const atomsStory: SimStory = {
  id: 'atoms',
  endpoint: 'atoms',
  outcomes: ATOMS_OUTCOMES,
  weights: [
    ['successful', 6],
    ['unsuccessful', 2],
    ['callback_requested', 2],
  ] satisfies (readonly [AtomsOutcome, number])[],
  finalStatus: { successful: 'completed', unsuccessful: 'completed', callback_requested: 'completed' } satisfies Record<AtomsOutcome, CallStatus>,
  byDefault: true,
  start:
    () =>
    ({ rng, idRng, startMs, order, outcome, uniqueId }) =>
      atomsCall({ rng, startMs, order, outcome: outcome as AtomsOutcome, callId: uniqueId(() => `call_${idRng.alnum(12)}`) }),
  sign: (body, secret) => signAtoms(body, secret),
};

// Scripted COD-confirmation conversations (6–10 turns) in the Hinglish these agents speak.

export interface Line {
  role: 'agent' | 'user';
  content: string;
}

export function codConversation(rng: Rng, order: Order, disposition: AtomsOutcome, direction: 'inbound' | 'outbound', agentName: string): Line[] {
  const name = order.customer.firstName;
  const items = describeItems(order.items);
  const total = rupees(order.total);
  const agent = (content: string): Line => ({ role: 'agent', content });
  const user = (content: string): Line => ({ role: 'user', content });

  const opening: Line[] =
    direction === 'outbound'
      ? [
          agent(`Namaste ${name} ji, main ${agentName} bol rahi hoon ${order.store} se. Kya abhi ek minute baat ho sakti hai?`),
          user(rng.pick(['Haan, boliye.', 'Yes, tell me.', 'Haan ji, kaun bol raha hai?'])),
        ]
      : [
          agent(`Thank you for calling ${order.store}, this is ${agentName}. How can I help you today?`),
          user(rng.pick(['I got a missed call about my order.', 'Mera order ke baare mein call aaya tha, miss ho gaya.'])),
        ];
  const orderLine = agent(`Aapne ${items} order kiya hai, total ${total}, cash on delivery. Shipping se pehle main confirm karna chahti hoon.`);

  switch (disposition) {
    case 'successful':
      return [
        ...opening,
        orderLine,
        user(rng.pick(['Haan, maine hi order kiya tha.', 'Yes, I ordered that.'])),
        agent(`Delivery ${order.address.address1}, ${order.address.city} ${order.address.zip} pe karni hai, sahi hai?`),
        user(rng.pick(['Haan, wahi address. Delivery se pehle call kar dena.', 'Yes, same address.'])),
        agent(`Delivery ke time ${total} cash ready rakhiye. Order ${rng.int(3, 5)} se ${rng.int(6, 7)} din mein pahunch jayega.`),
        user(rng.pick(['Theek hai, thank you.', 'Okay, thanks.'])),
        agent(`Thank you ${name} ji, aapka order confirm ho gaya hai. Have a nice day!`),
      ];
    case 'unsuccessful':
      return [
        ...opening,
        orderLine,
        user(rng.pick(['Actually mujhe cancel karna hai, galti se order ho gaya.', 'I found it cheaper elsewhere, please cancel it.'])),
        agent('Samajh gayi. Agar aap order rakhte hain to hum 10% discount de sakte hain. Kya aap rakhna chahenge?'),
        user('Nahi, please cancel kar dijiye.'),
        agent('Koi baat nahi, maine cancellation note kar liya hai. Aapko kuch pay nahi karna padega.'),
        user('Okay, thanks.'),
      ];
    case 'callback_requested':
      return [
        ...opening.slice(0, 1),
        user(rng.pick(['Abhi main drive kar raha hoon, baad mein call kar sakte ho?', 'I am in a meeting, can you call later?'])),
        agent('Bilkul. Aapke liye kaunsa time theek rahega?'),
        user(rng.pick(['Shaam 7 baje ke baad.', 'Kal subah 11 baje.'])),
        agent(`Noted. Hum aapko ${order.store} ke ${total} wale order ke liye tab call karenge.`),
        user('Okay.'),
        agent('Thank you, aapka din shubh rahe.'),
      ];
  }
}
