import type { CallStatus, LifecycleStep, ProviderLifecycle } from './types';

// Reading a provider's lifecycle (lib/providers/<name>/lifecycle.ts): the fold and the timeline
// order ties with the same stage and status rank, so the call row and the timeline agree.

export const step = (label: string, types: string | readonly string[], extra: Omit<LifecycleStep, 'label' | 'types'> = {}): LifecycleStep => ({
  label,
  types: typeof types === 'string' ? [types] : types,
  ...extra,
});

/** Position of a type in its provider's lifecycle; types the provider does not document come last. */
export function stageOf(lifecycle: ProviderLifecycle | undefined, type: string): number {
  const index = lifecycle ? lifecycle.events.findIndex(([t]) => t === type) : -1;
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

export function meaningOf(lifecycle: ProviderLifecycle | undefined, type: string): string | null {
  return lifecycle?.events.find(([t]) => t === type)?.[1] ?? null;
}

/**
 * How far along a status is. A later stage wins whatever order events arrive in:
 * a retried `in_progress` arriving after `completed` does not move the call back.
 * `rescheduled` outranks the failure that caused it (the call is waiting for its next attempt);
 * a cancel stops the whole retry chain, so it outranks everything.
 */
export const STATUS_RANK: Record<CallStatus, number> = {
  queued: 0,
  in_progress: 1,
  busy: 2,
  no_answer: 2,
  failed: 2,
  timeout: 2,
  validation_failed: 2,
  skipped: 2,
  voicemail: 2,
  rescheduled: 3,
  completed: 4,
  canceled: 5,
};
