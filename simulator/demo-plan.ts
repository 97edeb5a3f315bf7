import type { JsonObject, Order, SimStory, StoryInput } from '@/lib/providers/simulate';
import { addDays, instantAt, localDate } from '@/lib/time-zone';
import { makeOrder } from './orders';
import { createRng, type Rng, seedFromString } from './prng';
import { PATTERN } from './stories';
import { HOUR, MINUTE, type SimCall } from './types';

// The demo's month: what `npm run dev` (and the e2e setup) sends through the real, signed
// webhooks so that a newcomer's first look at every chart means something. Thirty days in the
// stores' zone with the rhythm of a cash-on-delivery confirmation team: weekday mornings busiest,
// quiet weekends, a three-day campaign spike, two bad days when more calls fail; customers called
// more than once; every status, including calls still running; actions of every kind left
// pending; a Mirai credit balance that runs down and is topped up once. Pure and deterministic
// for a given seed and `now`.

/** The stores are Indian: the rhythm is in their zone. */
export const DEMO_ZONE = 'Asia/Kolkata';

export type DemoDayKind = 'weekday' | 'weekend' | 'campaign' | 'bad';

export interface DemoDay {
  /** YYYY-MM-DD in DEMO_ZONE. */
  date: string;
  kind: DemoDayKind;
  calls: number;
}

export interface DemoPlanOptions {
  now: Date;
  seed: number;
  /** Days back from today, today included (default 30). */
  days?: number;
  /** Multiplies every day's volume (default 1: about 450 calls a month). */
  scale?: number;
  /** The stories to tell (simulator/stories.ts ids; default all), dealt in PATTERN's order. */
  providers?: readonly string[];
}

/** Calls per local hour, relative: mornings are when COD confirmations are made. */
const HOURS: readonly (readonly [number, number])[] = [
  [9, 5],
  [10, 14],
  [11, 16],
  [12, 12],
  [13, 6],
  [14, 7],
  [15, 8],
  [16, 7],
  [17, 6],
  [18, 5],
  [19, 3],
  [20, 2],
];

/** Days back of the campaign spike and of the bad days. */
const CAMPAIGN_DAYS = new Set([9, 10, 11]);
const BAD_DAYS = new Set([4, 17]);

/** Actions the agent raises that Callboard queues without a destination of its own (Mirai spells them both ways). */
const EXTRA_ACTIONS = ['mark_prepaid', 'update-address', 'confirmed_address'] as const;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** The month's days, oldest first, with their kind and how many calls each gets. */
export function demoDays(opts: DemoPlanOptions): DemoDay[] {
  const rng = createRng(opts.seed ^ 0x2f6b);
  const days = opts.days ?? 30;
  const scale = opts.scale ?? 1;
  const today = localDate(opts.now, DEMO_ZONE);
  const out: DemoDay[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const date = addDays(today, -back);
    const dow = weekday(date);
    const weekend = dow === 0 || dow === 6;
    const base = dow === 0 ? 3 : dow === 6 ? 7 : 15;
    const kind: DemoDayKind = CAMPAIGN_DAYS.has(back) ? 'campaign' : BAD_DAYS.has(back) ? 'bad' : weekend ? 'weekend' : 'weekday';
    const spike = kind === 'campaign' ? 3 : 1;
    const calls = Math.max(1, Math.round((base + rng.int(-2, 2)) * spike * scale));
    out.push({ date, kind, calls });
  }
  return out;
}

function startOn(rng: Rng, date: string, latest: number): number | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const open = HOURS.filter(([hour]) => instantAt({ year: y, month: m, day: d, hour, minute: 0, second: 0 }, DEMO_ZONE).getTime() <= latest);
  if (open.length === 0) return null;
  const hour = rng.weighted(open);
  const ms = instantAt({ year: y, month: m, day: d, hour, minute: rng.int(0, 59), second: rng.int(0, 59) }, DEMO_ZONE).getTime();
  return ms <= latest ? ms : null;
}

/** On a bad day every outcome that does not end completed is five times as likely. */
function outcomeFor(story: SimStory, rng: Rng, kind: DemoDayKind): string {
  if (kind !== 'bad') return rng.weighted(story.weights);
  return rng.weighted(story.weights.map(([outcome, weight]) => [outcome, story.finalStatus[outcome] === 'completed' ? weight : weight * 5] as const));
}

/** Repeat customers: a few people the team calls again and again (new orders, callbacks, retries). */
function repeatCustomers(rng: Rng, n: number): Order['customer'][] {
  return Array.from({ length: n }, () => makeOrder(rng).customer);
}

/** Mirai v1 bodies: `{metadata, event: {type, data}}`. */
function miraiType(body: JsonObject): string | undefined {
  const event = body.event;
  return isObject(event) && typeof event.type === 'string' ? event.type : undefined;
}

/** An extra action raised mid-call (before call.ended), sharing the call's metadata object. */
function addAction(call: SimCall, kind: string, order: Order): void {
  const at = call.events.findIndex((e) => miraiType(e) === 'call.ended');
  if (at < 0) return;
  const metadata = call.events[0]?.metadata as JsonObject;
  const { address } = order;
  const payloads: Record<string, JsonObject> = {
    mark_prepaid: { orderId: order.orderId, amount: order.total, method: 'upi', note: 'Customer chose to pay now for a discount' },
    'update-address': { orderId: order.orderId, shippingAddress: { ...address }, phone: order.customer.phone },
    confirmed_address: { orderId: order.orderId, address1: address.address1, city: address.city, zip: address.zip },
  };
  const action: JsonObject = { action: kind, call: { id: call.providerCallId }, reason: null, payload: payloads[kind] ?? {} };
  call.events.splice(at, 0, { metadata, event: { type: 'action', data: action } });
}

/**
 * Mirai v1's balance as a month of calls would leave it: started so that it runs low about
 * three fifths of the way through, topped up once, and reported on each end-of-call in the order
 * the calls ended. Amounts are kept in half credits so sums stay exact.
 */
function rewriteCredits(calls: SimCall[]): void {
  const reports: { endMs: number; credits: JsonObject }[] = [];
  for (const call of calls) {
    if (call.provider !== 'mirai') continue;
    for (const body of call.events) {
      const data = isObject(body.event) && isObject(body.event.data) ? body.event.data : undefined;
      if (!data || !isObject(data.credits) || !isObject(data.call)) continue;
      const ended = data.call.endedAt;
      reports.push({ endMs: typeof ended === 'string' ? Date.parse(ended) : Date.parse(call.startedAt), credits: data.credits });
    }
  }
  reports.sort((a, b) => a.endMs - b.endMs);
  const halves = (c: JsonObject) => Math.round(Number(c.used) * 2);
  const total = reports.reduce((sum, r) => sum + halves(r.credits), 0);
  let balance = Math.round(total * 0.6) + 60;
  let toppedUp = false;
  for (const r of reports) {
    const used = halves(r.credits);
    if (!toppedUp && balance - used < 40) {
      balance += Math.max(2000, total);
      toppedUp = true;
    }
    balance -= used;
    r.credits.available = balance / 2;
  }
}

/** The calls of the demo month, oldest first, then a few still running. */
export function demoCalls(opts: DemoPlanOptions): SimCall[] {
  const rng = createRng(opts.seed);
  const idRng = createRng(opts.seed ^ seedFromString(String(opts.now.getTime())));
  const ids = new Set<string>();
  const uniqueId = (make: () => string) => {
    let id = make();
    while (ids.has(id)) id = make();
    ids.add(id);
    return id;
  };
  const dealt = PATTERN.filter((story) => !opts.providers || opts.providers.includes(story.id));
  if (dealt.length === 0) throw new Error(`no known story in: ${opts.providers?.join(', ')}`);
  const tellers = new Map([...new Set(dealt)].map((story) => [story, story.start(rng) as (input: StoryInput) => SimCall]));
  const nowMs = opts.now.getTime();
  // Finished calls start at least two hours ago, so every later event (retries included) is past.
  const latest = nowMs - 2 * HOUR;

  const slots: { startMs: number; kind: DemoDayKind }[] = [];
  for (const day of demoDays(opts)) {
    for (let i = 0; i < day.calls; i++) {
      const startMs = startOn(rng, day.date, latest);
      if (startMs !== null) slots.push({ startMs, kind: day.kind });
    }
  }
  slots.sort((a, b) => a.startMs - b.startMs);

  const customers = repeatCustomers(rng, 24);
  // Each story first cycles through all its outcomes, on ordinary days, so the month holds every status.
  const cycled = new Map<string, number>();
  let extra = 0;
  const calls: SimCall[] = slots.map(({ startMs, kind }, i) => {
    const story = dealt[i % dealt.length] as SimStory;
    const id = story.id;
    const n = cycled.get(id) ?? 0;
    const outcome = n < story.outcomes.length && kind !== 'bad' ? (story.outcomes[n] as string) : outcomeFor(story, rng, kind);
    cycled.set(id, n + 1);
    const order = makeOrder(rng);
    // About a third of calls go to someone called before; the first few of the pool most often.
    if (rng.chance(0.35)) order.customer = { ...(customers[Math.min(rng.int(0, 23), rng.int(0, 23))] as Order['customer']) };
    const input: StoryInput = { rng, idRng, startMs, order, outcome, uniqueId };
    const call = (tellers.get(story) as (input: StoryInput) => SimCall)(input);
    if (call.provider === 'mirai') {
      const metadata = call.events[0]?.metadata;
      if (kind === 'campaign' && isObject(metadata)) metadata.campaign = 'festive-sale';
      // Now and then the agent raises an action Callboard only queues: each kind at least once.
      if (outcome === 'answered' && (extra < EXTRA_ACTIONS.length || rng.chance(0.12))) {
        addAction(call, EXTRA_ACTIONS[extra % EXTRA_ACTIONS.length] as string, order);
        extra++;
      }
    }
    return call;
  });
  rewriteCredits(calls);
  const mirai = [...tellers].find(([story]) => story.id === 'mirai')?.[1];
  return mirai ? [...calls, ...liveCalls(mirai, { rng, idRng, nowMs, uniqueId })] : calls;
}

/**
 * Three Mirai calls still under way: one queued, one talking, one waiting for its retry. Their
 * stories are cut where the call has got to.
 */
function liveCalls(
  tell: (input: StoryInput) => SimCall,
  { rng, idRng, nowMs, uniqueId }: { rng: Rng; idRng: Rng; nowMs: number; uniqueId: StoryInput['uniqueId'] },
): SimCall[] {
  const cuts: [outcome: string, events: number, minutesAgo: number][] = [
    ['answered', 1, 1],
    ['answered', 2, 3],
    ['no_answer_rescheduled_answered', 3, 12],
  ];
  return cuts.map(([outcome, keep, minutesAgo]) => {
    const call = tell({ rng, idRng, startMs: nowMs - minutesAgo * MINUTE, order: makeOrder(rng), outcome, uniqueId });
    return { ...call, outcome: `${outcome} (still running)`, events: call.events.slice(0, keep) };
  });
}
