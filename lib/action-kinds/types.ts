// The contract between the drainer and a destination. A destination turns one outbox row into
// one HTTP exchange and says what it means; the drainer decides what happens next.

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

export interface Destination {
  send(message: OutboxMessage): Promise<SendResult>;
  /**
   * Present when the destination can find what an earlier attempt created, by our key. Without
   * it, an uncertain attempt becomes needs_check instead of a retry that could duplicate.
   */
  lookup?: (message: OutboxMessage) => Promise<LookupResult>;
}
