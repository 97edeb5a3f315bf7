import type { ZodType } from 'zod';
import type { DispatchConfig, StandardWebhookTarget } from '@/lib/env-dispatch';

// The contract of an action kind: what the agent's payload must be, how its approval is planned,
// where it may be sent and how. Dispatch (lib/dispatch) asks the registry for these and names no
// kind itself; a kind names nothing in dispatch: what it needs from it (HTTP under the allow-list)
// is handed to it as `Http`. Also here, for the same reason: the drainer ⇄ destination contract.

/** One outbox row as a destination sees it. */
export interface OutboxMessage {
  /** The outbox row id: our idempotency key, the same on every attempt. */
  id: string;
  actionId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** 1 on the first attempt. */
  attempt: number;
  provider: string;
  callId: string | null;
  providerCallId: string | null;
  reason: string | null;
}

export type SendResult =
  | { outcome: 'sent'; httpStatus: number | null; responseId: string | null }
  /** Not done, and safe to try again (network error before sending, 408, 429, 5xx). */
  | { outcome: 'retry'; httpStatus: number | null; error: string; retryAfterMs: number | null }
  /** The destination said no for good (other 4xx, a validation error), or we refused to send. */
  | { outcome: 'failed' | 'refused'; httpStatus: number | null; error: string }
  /** No answer after the request left (timeout, connection cut): it may have taken effect. */
  | { outcome: 'uncertain'; httpStatus: number | null; error: string };

export type LookupResult =
  | { outcome: 'found'; responseId: string | null }
  | { outcome: 'absent' }
  | { outcome: 'error'; httpStatus: number | null; error: string };

/** Turns one outbox row into one HTTP exchange and says what it means; the drainer decides what next. */
export interface Destination {
  send(message: OutboxMessage): Promise<SendResult>;
  /**
   * Present when the destination can find what an earlier attempt created, by our key. Without
   * it, an uncertain attempt becomes needs_check instead of a retry that could duplicate.
   */
  lookup?: (message: OutboxMessage) => Promise<LookupResult>;
}

export type Exchange =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'refused'; error: string }
  | { kind: 'network'; error: string; mayHaveArrived: boolean };

export type ExchangeResponse = Extract<Exchange, { kind: 'response' }>;

/** HTTP as dispatch allows it (lib/dispatch/http.ts): configured hosts only, no redirects, a timeout. */
export interface Http {
  exchange(url: string, init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string }): Promise<Exchange>;
  /** The origin for a bare host setting: https, or http for a test-only insecure host. */
  origin(host: string): string;
  /** What a non-response means: refused, retry (nothing left), or uncertain (something may have). */
  fromFailure(ex: Exclude<Exchange, { kind: 'response' }>): SendResult;
  /** The plain-HTTP reading of an answer; a destination refines 2xx (ids) and its own error bodies. */
  fromStatus(ex: ExchangeResponse, responseId?: string | null): SendResult;
  parseJson(text: string): unknown;
}

/** A destination a kind brings itself (Shopify for orders, the Cloud API for messages). */
export interface OwnDestination {
  /** As stored in dispatch_outbox.destination. */
  name: string;
  /** Is it configured on this server? Preferred over the generic webhook when it is. */
  configured(config: DispatchConfig): boolean;
  /** Human words for the queue and the API: "Shopify (shop.myshopify.com)". */
  label(config: DispatchConfig): string;
  /** host[:port] it is reached at: the only hosts dispatch will talk to. */
  hosts(config: DispatchConfig): string[];
  sender(config: DispatchConfig, http: Http): Destination | null;
}

/** What approving needs to know about the action (lib/dispatch/plan.ts). */
export interface PendingAction {
  kind: string;
  reason: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  callEndedAt: Date | null;
  customerNumber: string | null;
}

export interface PlanContext {
  action: PendingAction;
  /** The approver's edit, or the agent's payload; not yet validated. */
  payload: Record<string, unknown>;
  edited: boolean;
  /** The pre-approved template the approver chose, if any. */
  template: string | undefined;
  /** Where it will go on this server, or null. */
  destination: string | null;
  config: DispatchConfig;
  now: Date;
  /** The kind's payload schema, failing with the plan's 400 ("fix it, then approve"). */
  validate(payload: Record<string, unknown>): Record<string, unknown>;
}

export interface ActionKindDefinition {
  /** The normalised kind stored in action.kind. */
  id: string;
  /** Plural words for messages: "orders". */
  words: string;
  /** The settings that give it a destination, named when none is configured. */
  settings: string;
  /** What an approved payload must satisfy; the API, the edit form and the outbox all use it. */
  payloadSchema: ZodType<Record<string, unknown>>;
  /** Its own destination, when it has one. */
  destination?: OwnDestination;
  /** The team's own endpoint, signed the Standard Webhooks way: its event type and its settings. */
  webhook: { type: string; target(config: DispatchConfig): StandardWebhookTarget | null };
  /** What exactly goes out, beyond the validated payload; by default the payload as validated. */
  plan?(ctx: PlanContext): { payload: Record<string, unknown>; template: string | null };
}
