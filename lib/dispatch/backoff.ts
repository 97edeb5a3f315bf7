import type { RetryPolicy } from '@/lib/env-dispatch';

// When to try a destination again. Pure, so the schedule is unit-tested: with the defaults
// (1 minute, ×3, capped at 12 hours) eight attempts span about 18 hours, and ±20% jitter keeps
// rows that failed together from retrying together.

export type { RetryPolicy };

/** Retry-After is the destination's word; a day is the most we wait on it. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** Only these statuses say "not now" rather than "never": request timeout, rate limit, server error. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Delay after the given (1-based) failed attempt. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const raw = policy.baseMs * policy.factor ** Math.max(0, attempt - 1);
  const capped = Math.min(raw, policy.maxMs);
  return Math.round(capped * (0.8 + 0.4 * random()));
}

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}

/** The wait before the next attempt, or null when the attempts are used up. */
export function nextRetryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs: number | null = null, random: () => number = Math.random): number | null {
  if (attempt >= policy.maxAttempts) return null;
  return retryAfterMs ?? backoffDelayMs(attempt, policy, random);
}
