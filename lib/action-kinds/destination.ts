// The contract between the drainer (lib/dispatch) and a destination: one outbox row becomes one
// HTTP exchange, and the destination says what it meant; the drainer decides what happens next.
// It lives here, below dispatch, because a kind brings its own destination (Shopify, the Cloud
// API); what it needs of dispatch's HTTP (the allow-list, the timeout) is handed to it as `Http`.

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
  /**
   * Not done, and safe to try again (408, 429, 5xx, or a request that cannot have been processed).
   * `unreached`: the request certainly never reached the destination (no connection, or cut off
   * before it was processed), so the try does not use up one of the attempts.
   */
  | { outcome: 'retry'; httpStatus: number | null; error: string; retryAfterMs: number | null; unreached?: boolean }
  /** The destination said no for good (other 4xx, a validation error), or we refused to send. */
  | { outcome: 'failed' | 'refused'; httpStatus: number | null; error: string }
  /** No answer after the request left (timeout, connection cut): it may have taken effect. */
  | { outcome: 'uncertain'; httpStatus: number | null; error: string };

export type LookupResult =
  | { outcome: 'found'; responseId: string | null }
  | { outcome: 'absent' }
  | { outcome: 'error'; httpStatus: number | null; error: string; unreached?: boolean };

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
  /** mayHaveArrived false: the request cannot have been processed (lib/dispatch/http.ts says when). */
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
