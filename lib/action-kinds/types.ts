import type { ZodType } from 'zod';
import type { Queryable } from '@/lib/db';
import type { DispatchConfig, StandardWebhookTarget } from '@/lib/env-dispatch';
import type { Destination, Http } from './destination';

// The contract of an action kind: what the agent's payload must be, how its approval is planned,
// where it may be sent and how. Dispatch (lib/dispatch) asks the registry for these and names no
// kind itself; a kind imports nothing from dispatch (see destination.ts).

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

/** What the outbox knows when a destination accepted an action's message and named it (lib/dispatch/outbox.ts). */
export interface SentContext {
  actionId: string;
  /** Exactly what was sent (the outbox payload). */
  payload: Record<string, unknown>;
  /** The destination's id for it (a WhatsApp wamid, a Shopify order gid). */
  responseId: string;
  /** As stored in dispatch_outbox.destination. */
  destination: string;
  now: Date;
  config: DispatchConfig;
  /** The outbox's retry schedule: the wait after `attempts` attempts, or null when they are used up. */
  retryDelayMs(attempts: number): number | null;
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
  /**
   * Runs in the transaction that records a send the destination accepted with an id, after the
   * outbox row is marked sent (WhatsApp: keep the outbound message, apply statuses that came first).
   */
  afterSent?(db: Queryable, ctx: SentContext): Promise<void>;
}
