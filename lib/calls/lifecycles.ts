import type { CallStatus } from '@/lib/providers/types';

// What each provider sends over a call's life, as data: the timeline reads it to order ties
// and to tell where a new dial attempt begins, the completeness check to know what should have
// arrived. Sources: ../shared/spec/providers.md §1.2 (Mirai v1), §1.6 (Mirai v2), §2.2
// (MiniVoice), §3.2 and the seed format (Atoms). A new provider adds one entry here.

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
}

const step = (label: string, types: string | readonly string[], extra: Omit<LifecycleStep, 'label' | 'types'> = {}): LifecycleStep => ({
  label,
  types: typeof types === 'string' ? [types] : types,
  ...extra,
});

const MIRAI: ProviderLifecycle = {
  events: [
    ['call.initiate', 'Queued and dialling'],
    ['call.validation-failed', 'Number failed pre-call validation'],
    ['call.skip', 'Skipped (DND number or outside calling hours)'],
    ['call.in-progress', 'Answered; conversation started'],
    ['action', 'Agent asked for a business action'],
    ['call.busy', 'Line busy'],
    ['call.no-answer', 'Not picked up'],
    ['call.failed', 'Connection failed'],
    ['call.timeout', 'Hit the maximum call duration'],
    ['call.ended', 'Line dropped; processing'],
    ['call.completed', 'Recording and duration processed'],
    ['end-of-call', 'Analysis ready: summary, success, credits'],
    ['call.rescheduled', 'Callback scheduled; another attempt follows'],
    ['call.aborted', 'Cancelled through the abort API'],
    ['call.lifecycle-ended', 'Final event: no more attempts'],
  ],
  opens: ['call.initiate'],
  // Aborted first: an abort is the attempt's last word whatever came before it.
  paths: [
    { kind: 'aborted', label: 'Aborted', when: ['call.aborted'], steps: [step('Aborted', 'call.aborted')] },
    {
      kind: 'timeout',
      label: 'Answered, hit the time limit',
      when: ['call.timeout'],
      steps: [step('Initiated', 'call.initiate'), step('Answered', 'call.in-progress'), step('Timed out', 'call.timeout'), step('Analysis', 'end-of-call')],
    },
    {
      kind: 'answered',
      label: 'Answered',
      when: ['call.in-progress', 'call.ended', 'call.completed', 'end-of-call'],
      steps: [
        step('Initiated', 'call.initiate'),
        step('Answered', 'call.in-progress'),
        step('Ended', 'call.ended'),
        step('Completed', 'call.completed'),
        step('Analysis', 'end-of-call'),
      ],
    },
    {
      kind: 'not_connected',
      label: 'Not connected',
      when: ['call.busy', 'call.no-answer', 'call.failed'],
      steps: [step('Initiated', 'call.initiate'), step('Busy, no answer or failed', ['call.busy', 'call.no-answer', 'call.failed'])],
    },
    {
      kind: 'validation_failed',
      label: 'Failed validation',
      when: ['call.validation-failed'],
      steps: [step('Initiated', 'call.initiate', { optional: true }), step('Validation failed', 'call.validation-failed')],
    },
    { kind: 'skipped', label: 'Skipped', when: ['call.skip'], steps: [step('Skipped', 'call.skip')] },
  ],
  fallback: 'answered',
  closing: [step('Lifecycle ended', 'call.lifecycle-ended')],
};

const MIRAI_V2: ProviderLifecycle = {
  events: [
    ['call.queued', 'Admitted to the queue (opt-in event)'],
    ['call.started', 'Media live'],
    ['call.completed', 'Connected and finished normally'],
    ['call.voicemail', 'Answering machine'],
    ['call.failed', 'Did not connect, or the pipeline failed'],
    ['call.aborted', 'Cancelled through the API'],
    ['call.processed', 'Analysis and post-call results ready'],
  ],
  opens: ['call.queued'],
  // call.queued is opt-in and call.processed comes only with analysis or final results enabled.
  paths: [
    {
      kind: 'completed',
      label: 'Completed',
      when: ['call.completed'],
      steps: [step('Queued', 'call.queued', { optional: true }), step('Started', 'call.started'), step('Completed', 'call.completed'), step('Processed', 'call.processed', { optional: true })],
    },
    {
      kind: 'voicemail',
      label: 'Voicemail',
      when: ['call.voicemail'],
      steps: [step('Queued', 'call.queued', { optional: true }), step('Started', 'call.started', { optional: true }), step('Voicemail', 'call.voicemail'), step('Processed', 'call.processed', { optional: true })],
    },
    { kind: 'failed', label: 'Failed', when: ['call.failed'], steps: [step('Queued', 'call.queued', { optional: true }), step('Failed', 'call.failed')] },
    { kind: 'aborted', label: 'Aborted', when: ['call.aborted'], steps: [step('Queued', 'call.queued', { optional: true }), step('Aborted', 'call.aborted')] },
  ],
  fallback: 'completed',
};

const MINIVOICE: ProviderLifecycle = {
  events: [
    ['call.created', 'Call created (dial, retry or inbound)'],
    ['call.answered', 'Answered'],
    ['call.gathered', 'Caller keyed in digits'],
    ['recording.started', 'Recording started'],
    ['recording.completed', 'Recording available'],
    ['recording.failed', 'Recording failed'],
    ['call.completed', 'Finished'],
    ['call.failed', 'Failed (no answer, busy or error)'],
    ['call.canceled', 'Canceled'],
  ],
  opens: ['call.created'],
  paths: [
    {
      kind: 'completed',
      label: 'Completed',
      when: ['call.completed'],
      steps: [
        step('Created', 'call.created'),
        // A call that is already in progress when created sends no call.answered.
        step('Answered', 'call.answered', { status: 'in_progress' }),
        step('Recording finished', ['recording.completed', 'recording.failed'], { onlyAfter: 'recording.started' }),
        step('Completed', 'call.completed'),
      ],
    },
    { kind: 'failed', label: 'Failed', when: ['call.failed'], steps: [step('Created', 'call.created'), step('Failed', 'call.failed')] },
    { kind: 'canceled', label: 'Canceled', when: ['call.canceled'], steps: [step('Created', 'call.created'), step('Canceled', 'call.canceled')] },
  ],
  fallback: 'completed',
};

const ATOMS: ProviderLifecycle = {
  // Two dialects on one endpoint; an attempt is in one or the other.
  events: [
    ['call.start', 'Call connected (seed format)'],
    ['pre-conversation', 'Call starting, before the agent speaks'],
    ['call.end', 'Call ended: transcript and disposition (seed format)'],
    ['post-conversation', 'Call ended: transcript, recording and call data'],
    ['analytics.completed', 'Post-call metrics ready (seed format)'],
    ['analytics-completed', 'Post-call analytics ready'],
  ],
  opens: ['call.start', 'pre-conversation'],
  paths: [
    {
      kind: 'current',
      label: 'Call',
      when: ['pre-conversation', 'post-conversation', 'analytics-completed'],
      steps: [step('Pre-conversation', 'pre-conversation'), step('Post-conversation', 'post-conversation'), step('Analytics', 'analytics-completed')],
    },
    {
      kind: 'seed',
      label: 'Call (seed format)',
      when: ['call.start', 'call.end', 'analytics.completed'],
      steps: [step('Started', 'call.start'), step('Ended', 'call.end'), step('Analytics', 'analytics.completed')],
    },
  ],
  fallback: 'current',
};

const LIFECYCLES: Readonly<Record<string, ProviderLifecycle>> = { mirai: MIRAI, 'mirai-v2': MIRAI_V2, minivoice: MINIVOICE, atoms: ATOMS };

export function lifecycleFor(provider: string): ProviderLifecycle | undefined {
  return LIFECYCLES[provider];
}

/** Position of a type in its provider's lifecycle; types the provider does not document come last. */
export function stageOf(lifecycle: ProviderLifecycle | undefined, type: string): number {
  const index = lifecycle ? lifecycle.events.findIndex(([t]) => t === type) : -1;
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

export function meaningOf(lifecycle: ProviderLifecycle | undefined, type: string): string | null {
  return lifecycle?.events.find(([t]) => t === type)?.[1] ?? null;
}
