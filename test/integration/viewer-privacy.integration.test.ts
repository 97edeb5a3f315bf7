import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GET as getActionRoute } from '@/app/api/actions/[id]/route';
import { GET as listActionsRoute } from '@/app/api/actions/route';
import { GET as analyticsRoute } from '@/app/api/analytics/[chart]/route';
import { GET as getCallRoute } from '@/app/api/calls/[id]/route';
import { GET as exportRoute } from '@/app/api/calls/export/route';
import { GET as listCallsRoute } from '@/app/api/calls/route';
import { GET as getCustomerRoute } from '@/app/api/customers/[number]/route';
import { GET as getDeliveryRoute } from '@/app/api/deliveries/[id]/route';
import { GET as listDeliveriesRoute } from '@/app/api/deliveries/route';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';
import type { JsonObject, Order } from '@/lib/providers/simulate';
import { getActionDetail } from '@/lib/queries/actions/detail';
import { listActions, listNeedingAttention, listRecentDecisions } from '@/lib/queries/actions/list';
import { getCallDetail, listOtherCalls } from '@/lib/queries/calls/detail';
import { listCalls } from '@/lib/queries/calls/list';
import { listActionMessages, listMessagesSinceCall } from '@/lib/queries/customers/messages';
import { getCustomerTimeline } from '@/lib/queries/customers/timeline';
import { getDelivery, listDeliveries } from '@/lib/queries/deliveries/list';
import { createRng } from '@/simulator/prng';
import type { SignableProvider } from '@/simulator/sign';
import { STORIES } from '@/simulator/stories';
import { makeToken } from '@/test/auth';
import { callRow, post, testDb, useTestSecrets } from '@/test/webhooks';
import { insertMessage } from '@/test/whatsapp-rows';

// What a viewer may see, as a property over every provider: calls carrying generated personal
// data (names, numbers, emails, address lines) in the provider's structured fields and in its
// free text, sent through the real signed webhook routes, then read as a viewer through every
// JSON route, the CSV export and the data functions the pages use. None of those strings may
// appear, not even a number as bare digits. Approvers and admins see them whole.
useTestSecrets();

const actor = (role: Role): Actor => ({ userId: `privacy-${role}`, email: `${role}@test.callboard`, role, via: 'session' });

interface Person {
  firstName: string;
  lastName: string;
  /** E.164 */
  phone: string;
  /** The same number as people write it in text: national digits, then grouped. */
  national: string;
  grouped: string;
  email: string;
  address1: string;
  address2: string;
  /** An address the customer only says (no field names it): found by its shape. */
  spokenAddress: string;
  city: string;
  zip: string;
}

// Names that are not a substring of anything the product writes on its own (so finding one in
// the output means it leaked), from letters no fixture word starts with.
const word = (min: number, max: number) =>
  fc.tuple(fc.constantFrom('Q', 'X', 'Zh', 'Vy', 'Jq'), fc.stringMatching(new RegExp(`^[a-z]{${min},${max}}$`))).map(([head, tail]) => `${head}${tail}`);

const COUNTRIES = [
  {
    code: '91',
    national: fc.tuple(fc.integer({ min: 6, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([a, b]) => `${a}${String(b).padStart(9, '0')}`),
  },
  { code: '1', national: fc.tuple(fc.integer({ min: 201, max: 989 }), fc.integer({ min: 2_000_000, max: 9_999_999 })).map(([a, b]) => `${a}${b}`) },
  { code: '44', national: fc.integer({ min: 7_000_000_000, max: 7_999_999_999 }).map(String) },
];

const personArb: fc.Arbitrary<Person> = fc
  .record({
    firstName: word(3, 6),
    lastName: word(3, 8),
    country: fc.constantFrom(...COUNTRIES).chain((c) => c.national.map((national) => ({ code: c.code, national }))),
    mailbox: fc.stringMatching(/^[a-z][a-z0-9._]{2,10}[a-z0-9]$/),
    domain: fc.constantFrom('gmail.com', 'yahoo.co.in', 'example.org', 'mail.test'),
    building: word(4, 8),
    street: word(4, 8),
    landmark: word(4, 8),
    flat: fc.integer({ min: 1, max: 99 }),
    otherBuilding: word(4, 8),
    otherStreet: word(4, 8),
    houseNumber: fc.integer({ min: 1, max: 999 }),
    zip: fc.integer({ min: 110_001, max: 855_999 }).map(String),
  })
  .map((g) => ({
    firstName: g.firstName,
    lastName: g.lastName,
    phone: `+${g.country.code}${g.country.national}`,
    national: g.country.national,
    grouped: `+${g.country.code} ${g.country.national.slice(0, 5)} ${g.country.national.slice(5)}`,
    email: `${g.mailbox}@${g.domain}`,
    address1: `${g.houseNumber}, ${g.building} Residency, ${g.street} Road`,
    address2: `Near ${g.landmark} Temple`,
    spokenAddress: `${g.flat}, ${g.otherBuilding} Apartments, ${g.otherStreet} Marg`,
    city: 'Pune',
    zip: g.zip,
  }));

/** Every string of a person that must never reach a viewer. */
function secrets(p: Person): string[] {
  const digits = p.phone.replace(/\D/g, '');
  const parts = [p.address1, p.address2].flatMap((line) => line.split(',').map((s) => s.trim()));
  return [
    p.phone,
    digits,
    p.national,
    p.grouped,
    p.email,
    `${p.firstName} ${p.lastName}`,
    p.firstName,
    p.lastName,
    p.address1,
    p.address2,
    p.spokenAddress,
    ...parts.filter((s) => s.length >= 5),
  ];
}

function orderFor(p: Person): Order {
  return {
    orderId: String(10_000 + Math.floor(Math.random() * 80_000)),
    store: 'Assam Leaf Co.',
    customer: { firstName: p.firstName, lastName: p.lastName, phone: p.phone, email: p.email },
    address: { address1: p.address1, address2: p.address2, city: p.city, province: 'Maharashtra', zip: p.zip, country: 'India' },
    items: [{ title: 'Masala Chai 250g', variantId: '41234567890123', quantity: 1, price: 349 }],
    subtotal: 349,
    codCharge: 49,
    discount: null,
    total: 398,
    abandonedCheckoutId: 'gid://shopify/AbandonedCheckout/12345678901234',
  };
}

const FREE_TEXT = new Set(['content', 'text', 'summary', 'note']);

/** Where each story's structured data about the customer lives (the bag is made when absent). */
const BAG: Record<string, string[]> = {
  mirai: ['metadata'],
  'mirai-v2': ['data', 'call', 'metadata'],
  minivoice: ['variables'],
  atoms: ['variables'],
  'atoms-current': ['metadata', 'variables'],
};

function bagOf(body: JsonObject, path: string[]): JsonObject {
  let at = body;
  for (const key of path) {
    const next = at[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) at[key] = {};
    at = at[key] as JsonObject;
  }
  return at;
}

/** The person in the provider's structured fields and appended to every free-text field. */
function inject(body: JsonObject, path: string[], p: Person, extra: JsonObject = {}): JsonObject {
  const said = ` Call ${p.firstName} ${p.lastName} on ${p.national} or ${p.grouped}, mail ${p.email}; deliver to ${p.address1}, ${p.address2}. Or my office, ${p.spokenAddress}, ${p.city}.`;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && FREE_TEXT.has(k) ? `${v}${said}` : walk(v)]));
  };
  const out = walk(body) as JsonObject;
  Object.assign(bagOf(out, path), {
    customer_name: `${p.firstName} ${p.lastName}`,
    customer_email: p.email,
    customer_mobile: p.phone,
    delivery_address: `${p.address1}, ${p.address2}, ${p.city} ${p.zip}`,
    ...extra,
  });
  return out;
}

const tokens = new Map<Role, Promise<string>>();
const tokenFor = (role: Role) => {
  if (!tokens.has(role)) tokens.set(role, makeToken(role));
  return tokens.get(role) as Promise<string>;
};

async function get(role: Role, path: string, route: (request: Request, ctx: never) => Promise<Response>, params?: Record<string, string>) {
  const request = new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${await tokenFor(role)}` } });
  const res = await route(request, (params ? { params: Promise.resolve(params) } : undefined) as never);
  expect(res.status, path).toBe(200);
  return res.text();
}

/** Everything a role can read about one call: every JSON route, the CSV, the pages' data functions. */
async function everythingAbout(role: Role, callId: string): Promise<Record<string, string>> {
  const who = actor(role);
  const out: Record<string, string> = {};
  out['GET /api/calls?q=<id>'] = await get(role, `/api/calls?q=${callId}`, listCallsRoute);
  out['GET /api/calls/{id}'] = await get(role, `/api/calls/${callId}`, getCallRoute, { id: callId });
  out['GET /api/calls/export'] = await get(role, `/api/calls/export?q=${callId}`, exportRoute);
  out['page: calls list'] = JSON.stringify(await listCalls(who, { q: callId, limit: 50 }));
  out['page: call detail'] = JSON.stringify(await getCallDetail(who, callId));
  out['page: other calls'] = JSON.stringify(await listOtherCalls(who, callId));
  out['page: WhatsApp since the call'] = JSON.stringify(await listMessagesSinceCall(who, callId));
  const { rows: numbered } = await testDb().query<{ n: string | null }>('SELECT customer_number AS n FROM call WHERE id = $1', [callId]);
  if (numbered[0]?.n) {
    out['GET /api/customers/call-{id}'] = await get(role, `/api/customers/call-${callId}`, getCustomerRoute, { number: `call-${callId}` });
    out["page: customer's timeline"] = JSON.stringify(await getCustomerTimeline(who, { kind: 'call', callId }));
  }

  const { rows: actions } = await testDb().query<{ id: string }>('SELECT id FROM action WHERE call_id = $1', [callId]);
  for (const { id } of actions) {
    out[`GET /api/actions/{id} ${id}`] = await get(role, `/api/actions/${id}`, getActionRoute, { id });
    out[`page: action ${id}`] = JSON.stringify(await getActionDetail(who, id));
    out[`page: action ${id} WhatsApp`] = JSON.stringify(await listActionMessages(who, id));
  }
  if (actions.length > 0) {
    out['GET /api/actions?status=pending'] = await get(role, '/api/actions?status=pending&limit=100', listActionsRoute);
    out['page: approvals queue'] = JSON.stringify(await listActions(who, { status: 'pending', limit: 100 }));
    out['page: decisions'] = JSON.stringify(await listRecentDecisions(who));
    out['page: needing attention'] = JSON.stringify(await listNeedingAttention(who));
  }

  const { rows: deliveries } = await testDb().query<{ id: string }>('SELECT id FROM delivery WHERE call_id = $1', [callId]);
  for (const { id } of deliveries) {
    out[`GET /api/deliveries/{id} ${id}`] = await get(role, `/api/deliveries/${id}`, getDeliveryRoute, { id });
    out[`page: delivery ${id}`] = JSON.stringify(await getDelivery(who, id));
  }
  out['GET /api/deliveries'] = await get(role, '/api/deliveries?limit=100', listDeliveriesRoute);
  out['page: deliveries'] = JSON.stringify(await listDeliveries(who, { limit: 100 }));
  return out;
}

/** The first place (route and excerpt) a secret shows up, or null. */
function leak(outputs: Record<string, string>, needles: string[]): string | null {
  for (const [where, text] of Object.entries(outputs)) {
    for (const needle of needles) {
      const at = text.indexOf(needle);
      if (at >= 0) return `${where} shows "${needle}": …${text.slice(Math.max(0, at - 80), at + needle.length + 40)}…`;
    }
  }
  return null;
}

let runs = 0;
/** Generated calls per story (five stories: Mirai v1 and v2, MiniVoice, Atoms in both envelopes). */
const RUNS = 20;

async function sendStory(storyId: string, outcome: string, p: Person, seed: number, extra: JsonObject = {}): Promise<string> {
  const story = STORIES.find((s) => s.id === storyId);
  if (!story) throw new Error(`no story ${storyId}`);
  const rng = createRng(seed);
  const idRng = createRng(seed ^ Date.now());
  const make = story.start(rng);
  const call = make({ rng, idRng, startMs: Date.now() - 3 * 3_600_000, order: orderFor(p), outcome, uniqueId: (f) => `${f()}${runs++}` });
  const provider = story.endpoint as SignableProvider;
  for (const event of call.events) {
    const body = JSON.stringify(inject(event, BAG[story.id] ?? [], p, extra));
    const res = await post(provider, body, { headers: story.headers?.(JSON.parse(body) as JsonObject) ?? {} });
    expect(res.status, body.slice(0, 200)).toBe(200);
  }
  const row = await callRow(provider, call.providerCallId);
  expect(row, `${storyId}/${outcome} stored no call`).toBeDefined();
  return String(row?.id);
}

/** The customer answers on WhatsApp (from their number, under their name) with their details, after the call's actions. */
async function replyOnWhatsapp(callId: string, p: Person): Promise<void> {
  const { rows } = await testDb().query<{ n: string | null }>('SELECT customer_number AS n FROM call WHERE id = $1', [callId]);
  const number = rows[0]?.n;
  if (!number) return;
  await insertMessage({
    customerNumber: number,
    profileName: `${p.firstName} ${p.lastName}`,
    body: `This is ${p.firstName}. Deliver to ${p.address1}, ${p.address2}, or my office, ${p.spokenAddress}. Call ${p.national} or ${p.grouped}, mail ${p.email}.`,
    sentAt: new Date(Date.now() + 60_000),
  });
}

const everyStory = STORIES.map((s) => [s.id, s.outcomes] as const);

describe('a viewer sees none of a call’s personal data, on any provider', () => {
  it.each(everyStory)('%s: no route, export or page shows a generated name, number, email or address line', async (storyId, outcomes) => {
    await fc.assert(
      fc.asyncProperty(personArb, fc.constantFrom(...outcomes), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (person, outcome, seed) => {
        const callId = await sendStory(storyId, outcome, person, seed);
        await replyOnWhatsapp(callId, person);
        const outputs = await everythingAbout('viewer', callId);
        expect(leak(outputs, secrets(person))).toBeNull();
        // It was there to hide: the call detail shows the masked name the story put in its fields.
        expect(outputs['GET /api/calls/{id}']).toContain(`${Array.from(person.firstName)[0]}••• ${Array.from(person.lastName)[0]}•••`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('approvers and admins see the same data whole; a viewer still finds the call by the full number', async () => {
    const person = fc.sample(personArb, { numRuns: 1, seed: 42 })[0] as Person;
    // Keys only this call has, so its values are among the chart's top series.
    const callId = await sendStory('mirai', 'answered', person, 7, {
      recipient_name: `${person.firstName} ${person.lastName}`,
      recipient_phone: person.phone,
      recipient_email: person.email,
    });
    for (const role of ['approver', 'admin'] as const) {
      const detail = await get(role, `/api/calls/${callId}`, getCallRoute, { id: callId });
      for (const whole of [person.phone, person.national, person.email, `${person.firstName} ${person.lastName}`, person.address1, person.address2]) {
        expect(detail, `${role} sees ${whole}`).toContain(whole);
      }
      const csv = await get(role, `/api/calls/export?q=${callId}`, exportRoute);
      expect(csv).toContain(`${person.firstName} ${person.lastName} on ${person.national}`);
    }

    // Credits broken down by a metadata key that holds personal data: the series are its values.
    for (const key of ['recipient_name', 'recipient_phone', 'recipient_email']) {
      const path = `/api/analytics/credits?by=meta&key=${key}&range=30d`;
      const whole = await get('approver', path, analyticsRoute, { chart: 'credits' });
      expect(whole).toContain(key === 'recipient_name' ? `${person.firstName} ${person.lastName}` : key === 'recipient_phone' ? person.phone : person.email);
      for (const format of ['', '&format=csv']) {
        const masked = await get('viewer', `${path}${format}`, analyticsRoute, { chart: 'credits' });
        expect(leak({ [path]: masked }, secrets(person))).toBeNull();
      }
    }

    const other = fc.sample(personArb, { numRuns: 1, seed: 43 })[0] as Person;
    const mv = await sendStory('minivoice', 'completed', other, 11);
    const { rows } = await testDb().query<{ n: string }>('SELECT customer_number AS n FROM call WHERE id = $1', [mv]);
    expect(rows[0]?.n).toBe(other.phone);
    const found = JSON.parse(await get('viewer', `/api/calls?q=${encodeURIComponent(other.phone)}`, listCallsRoute)) as { calls: { id: string }[] };
    expect(found.calls.map((c) => c.id)).toContain(mv);
  });
});
