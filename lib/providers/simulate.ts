import { createHmac } from 'node:crypto';
import type { CallStatus } from './types';

// The simulator-story CONTRACT: what a provider folder's simulate.ts hands the simulator
// (top-level simulator/, which asks simulator/stories.ts for every story). A story builds the
// webhook bodies one simulated call sends, signs them as the provider would, and says what
// Callboard should show once they are all in. Nothing in lib/ imports a story: only tools do.

// Webhook bodies are built as plain JSON values so they serialise exactly as typed: no
// `undefined` fields that JSON.stringify would silently drop.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A seeded PRNG (simulator/prng.ts), so a simulation can be replayed exactly. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  hex(length: number): string;
  /** Lower-case letters and digits. */
  alnum(length: number): string;
  uuid(): string;
}

export interface LineItem {
  title: string;
  variantId: string;
  quantity: number;
  price: number;
}

/** The cash-on-delivery cart a simulated call is about (made by simulator/orders.ts). */
export interface Order {
  orderId: string;
  store: string;
  customer: { firstName: string; lastName: string; phone: string; email: string };
  address: { address1: string; address2: string; city: string; province: string; zip: string; country: string };
  items: LineItem[];
  subtotal: number;
  codCharge: number;
  discount: { code: string; reason: string } | null;
  /** What the customer pays on delivery: subtotal − discount + COD charge, in rupees. */
  total: number;
  abandonedCheckoutId: string;
}

/** "Masala Chai 250g and 2 × Brass Tea Strainer" */
export function describeItems(items: readonly LineItem[]): string {
  const parts = items.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.title}` : item.title));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'your items');
}

export function rupees(amount: number): string {
  return `₹${amount.toLocaleString('en-IN')}`;
}

/** One simulated call: the webhook bodies its provider would send, in sending order. */
export interface SimCall {
  /** The endpoint it is posted to and the provider the API shows. */
  provider: string;
  /** Set for a newer envelope posted to the same endpoint (Atoms' current format). */
  dialect?: string;
  providerCallId: string;
  outcome: string;
  /** ISO time of the call's first event. */
  startedAt: string;
  events: JsonObject[];
}

/** ISO with milliseconds, as Mirai v1 examples write it. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** ISO to the second, as the MiniVoice and Atoms seed examples write it. */
export function isoS(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What the simulator decided for one call; the story turns it into bodies. */
export interface StoryInput {
  rng: Rng;
  /** Draws ids only, so a later run with the same seed is the same story about new calls. */
  idRng: Rng;
  startMs: number;
  order: Order;
  outcome: string;
  /** Retries `make` until the id is new in this run. */
  uniqueId(make: () => string): string;
}

export interface SimStory {
  /** The simulator's name for it (--providers): the provider id, or a dialect of one. */
  id: string;
  /** The provider id (and endpoint) it posts to. */
  endpoint: string;
  /** Set for a second envelope posted to the same endpoint. */
  dialect?: string;
  /** Every outcome, in the order a run first cycles through them. */
  outcomes: readonly string[];
  /** How often each outcome is drawn after that. */
  weights: readonly (readonly [string, number])[];
  /** The status Callboard should show once every event of a call with this outcome is in. */
  finalStatus: Readonly<Record<string, CallStatus>>;
  /** Sent by default (`npm run dev`, e2e and the bench configure its secret); else opt-in. */
  byDefault: boolean;
  /** Starts a run (state such as a credit balance lives in the returned closure). */
  start(rng: Rng): (input: StoryInput) => SimCall;
  /** The signature headers the provider sends for `body` at `now`. */
  sign(body: string, secret: string, now: Date): Record<string, string>;
  /** Other headers the provider sends with an event. */
  headers?(body: object | string): Record<string, string>;
  /** Dial attempts the call's distinct events report (default 1). */
  attemptsOf?(events: readonly JsonObject[]): number;
  /** Whether an event asks for an action (default: none does). */
  isAction?(event: JsonObject): boolean;
}

/** Hex HMAC-SHA256, for the stories' signers (written from the spec, apart from lib/providers/hmac.ts). */
export function simHmacHex(secret: string, input: string): string {
  return createHmac('sha256', secret).update(input, 'utf8').digest('hex');
}
