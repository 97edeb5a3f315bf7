import type { Exchange, Http, SendResult } from '@/lib/action-kinds/destination';
import { originFor, refusalReason } from './allowed-hosts';
import { isRetryableStatus, parseRetryAfter } from './backoff';
import type { DispatchConfig } from './config';

// The one way dispatch speaks HTTP: allowed hosts only, no redirects (a redirect could lead
// anywhere), a hard timeout, and errors sorted by whether the request may have arrived.

// Failures that happen before the request leaves: nothing can have arrived, so retrying is safe.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
]);

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code ?? (error as { code?: string } | null)?.code;
}

function networkFailure(error: unknown, timeoutMs: number): { error: string; mayHaveArrived: boolean } {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { error: `no answer within ${timeoutMs} ms`, mayHaveArrived: true };
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return { error: code ? `${code}: ${message}` : message, mayHaveArrived: !(code && NOT_SENT.has(code)) };
}

export async function exchange(
  url: string,
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string },
  config: DispatchConfig,
): Promise<Exchange> {
  const refusal = refusalReason(url, config);
  if (refusal) {
    console.error(`[dispatch] refused to send to ${url}: ${refusal}`);
    return { kind: 'refused', error: `Refused: ${refusal}` };
  }
  try {
    const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(config.timeoutMs) });
    return { kind: 'response', status: res.status, headers: res.headers, text: await res.text() };
  } catch (error) {
    return { kind: 'network', ...networkFailure(error, config.timeoutMs) };
  }
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300);

/** What a non-response means: refused, retry (nothing left), or uncertain (something may have). */
export function fromFailure(ex: Exclude<Exchange, { kind: 'response' }>): SendResult {
  if (ex.kind === 'refused') return { outcome: 'refused', httpStatus: null, error: ex.error };
  return ex.mayHaveArrived
    ? { outcome: 'uncertain', httpStatus: null, error: ex.error }
    : { outcome: 'retry', httpStatus: null, error: ex.error, retryAfterMs: null };
}

/** The plain-HTTP reading of an answer; destinations refine 2xx (ids) and their own error bodies. */
export function fromStatus(ex: Extract<Exchange, { kind: 'response' }>, responseId: string | null = null): SendResult {
  const { status } = ex;
  if (status >= 200 && status < 300) return { outcome: 'sent', httpStatus: status, responseId };
  if (isRetryableStatus(status))
    return { outcome: 'retry', httpStatus: status, error: `HTTP ${status}: ${snippet(ex.text)}`, retryAfterMs: parseRetryAfter(ex.headers.get('retry-after')) };
  if (status >= 300 && status < 400)
    return { outcome: 'failed', httpStatus: status, error: `HTTP ${status} redirect to ${ex.headers.get('location') ?? '?'}; redirects are not followed` };
  return { outcome: 'failed', httpStatus: status, error: `HTTP ${status}: ${snippet(ex.text)}` };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** This server's HTTP, as a kind's own destination gets it: bound to the allow-list and timeout. */
export function httpFor(config: DispatchConfig): Http {
  return { exchange: (url, init) => exchange(url, init, config), origin: (host) => originFor(host, config), fromFailure, fromStatus, parseJson };
}
