// The provider CONTRACT: what a provider's normalizer produces (the provider-neutral
// vocabulary the call fold consumes) and the ProviderDefinition every provider exports.
// Everything a normalizer produces is plain JSON so it can be stored in
// `call_event.normalized` and folded again later without the provider's code.
// This file imports nothing: pages (client ones too) read CALL_STATUSES from here.

/** Canonical call status shared by every provider. */
export const CALL_STATUSES = [
  'queued',
  'in_progress',
  'completed',
  'busy',
  'no_answer',
  'failed',
  'timeout',
  'validation_failed',
  'skipped',
  'voicemail',
  'canceled',
  'rescheduled',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface TranscriptTurn {
  role: 'agent' | 'customer';
  text: string;
  /** ISO time of the turn, when the provider gives one. */
  at: string | null;
  /** Offset from the start of the recording, when the provider gives one. */
  startMs?: number | null;
}

/** What one event says about its call. Every field is optional: events are partial views. */
export interface CallFacts {
  status?: CallStatus;
  providerStatus?: string;
  /** The provider says no further events or attempts will follow. */
  final?: boolean;
  /** Status the provider reports as the final outcome of all attempts. */
  finalStatus?: CallStatus;
  /** The event marks the start of a new dial attempt (a reschedule or retry). */
  reschedule?: boolean;
  endReason?: string;
  direction?: 'inbound' | 'outbound';
  fromNumber?: string;
  toNumber?: string;
  customerNumber?: string;
  /**
   * A number an action's payload names for the customer (create_order's phone, send_whatsapp's
   * number): the customer's number only when neither the provider's own fields nor the metadata
   * name one (the order is in lib/ingest/customer-number.ts).
   */
  actionNumber?: string;
  agentId?: string;
  applicationId?: string;
  metadata?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  startedAt?: string;
  endedAt?: string;
  durationSeconds?: number;
  recordingUrl?: string;
  detailUrl?: string;
  reAttemptCount?: number;
  rescheduledCount?: number;
  transcript?: TranscriptTurn[];
  summary?: string;
  success?: boolean;
  disposition?: string;
  insights?: Record<string, unknown>;
  metrics?: Record<string, unknown>;
  outcome?: Record<string, unknown>;
  requiredActions?: string[];
  creditsUsed?: number;
  creditsAvailable?: number;
  /** Money the provider says the call cost, in its own currency (Mirai v2: INR). */
  cost?: { amount: number; currency: string };
}

export interface NormalizedAction {
  /** Canonical kind: create_order, send_whatsapp, mark_prepaid, ... (snake_case). */
  kind: string;
  /** As the provider spelled it. */
  rawKind: string;
  reason: string | null;
  payload: Record<string, unknown>;
}

export interface NormalizedEvent {
  /** Unique per provider: the same provider event always yields the same key. */
  dedupeKey: string;
  /** The provider's event type, verbatim. */
  type: string;
  /** false for a type this version does not understand (still stored and shown). */
  known: boolean;
  providerCallId: string | null;
  /** When the provider says the event happened (ISO), if it says. */
  occurredAt: string | null;
  facts: CallFacts;
  action?: NormalizedAction;
  credits?: { used: number; available: number | null };
  /** Metadata echoed by the provider, used to link call-less events (actions) to a call. */
  linkMetadata?: Record<string, unknown>;
  /** Campaign lifecycle events (Mirai v2) belong to a campaign, not a call. */
  campaign?: { id: string; name?: unknown; status?: unknown };
  /** What was changed to make the event storable (lib/ingest/storable.ts); absent when nothing. */
  warnings?: { field: string; change: string }[];
}

// A provider is a plug-in: one folder under lib/providers/ exporting a ProviderDefinition,
// registered in lib/providers/registry.ts, plus one route file. Nothing else changes.

export type Verification = 'valid' | 'invalid' | 'missing' | 'stale' | 'unsigned';

export interface VerifyInput {
  rawBody: Buffer;
  headers: Headers;
  secrets: string[];
  now: Date;
  toleranceSeconds: number;
}

export type VerifyResult = { verification: 'valid' } | { verification: 'invalid' | 'missing' | 'stale'; reason: string };

export interface ProviderDefinition {
  /** URL segment and stored provider id: /api/webhooks/<id>. */
  id: string;
  label: string;
  /** Prefix of its settings: <PREFIX>_WEBHOOK_SECRET, <PREFIX>_ALLOW_UNSIGNED. */
  envPrefix: string;
  /** Headers kept on each delivery (lower-case). Signature headers are masked when shown. */
  storedHeaders: readonly string[];
  signatureHeaders: readonly string[];
  /** True when the request carries any of this provider's signature headers. */
  isSigned(headers: Headers): boolean;
  verify(input: VerifyInput): VerifyResult;
  /** Validates the parsed body; throws a ZodError (400) when it breaks the provider's schema. */
  normalize(body: unknown): NormalizedEvent;
  /** What it sends over a call's life: orders ties in the fold and the timeline, drives completeness. */
  lifecycle: ProviderLifecycle;
  /** What a person is told when it leaves something out. */
  notes: ProviderNotes;
  /** What the health page expects to follow; absent when nothing is reliably sent last. */
  expectedEvents?: ExpectedEventsRule;
}

// What each provider sends over a call's life, as data: the timeline reads it to order ties
// and to tell where a new dial attempt begins, the completeness check to know what should have
// arrived. Sources: ../shared/spec/providers.md.

export interface LifecycleStep {
  label: string;
  /** Event types that fulfil the step (one step may be sent under several names). */
  types: readonly string[];
  /** Sent only sometimes (opt-in, or not documented as always sent): never reported missing. */
  optional?: boolean;
  /** An event carrying this canonical status also fulfils the step. */
  status?: CallStatus;
  /** Expected only once an event of this type arrived (a recording that started should end). */
  onlyAfter?: string;
}

export interface LifecyclePath {
  kind: string;
  label: string;
  /** Event types that show an attempt took this path; the first path with one of them wins. */
  when: readonly string[];
  steps: readonly LifecycleStep[];
}

export interface ProviderLifecycle {
  /** Every event type the provider documents, in lifecycle order, with what it means. */
  events: readonly (readonly [type: string, meaning: string])[];
  /** Types that open a dial attempt: a second one within an attempt starts the next attempt. */
  opens: readonly string[];
  paths: readonly LifecyclePath[];
  /** The path assumed while nothing in the attempt tells which one it took. */
  fallback: string;
  /** Steps expected once per call, at the end of its last attempt. */
  closing?: readonly LifecycleStep[];
  /**
   * The event after which the provider sends nothing more about the call (Mirai v1:
   * call.lifecycle-ended). Anything received after it is flagged by the completeness check.
   */
  terminal?: string;
}

/** What a person should be told when a provider leaves something out (each ships a different part of the call). */
export interface ProviderNotes {
  noDetailPage: string;
  noTranscript: string;
  noAnalysis: string;
}

/**
 * Once a call has one of `after`, one of `expect` should follow within `graceMinutes` of its
 * last event (the health page counts the calls where it did not).
 */
export interface ExpectedEventsRule {
  after: readonly string[];
  expect: readonly string[];
  graceMinutes: number;
}
