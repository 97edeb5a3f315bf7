import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Exchange, Http, SendResult } from '@/lib/action-kinds/destination';
import { originFor, refusalReason } from './allowed-hosts';
import { isRetryableStatus, parseRetryAfter } from './backoff';
import type { DispatchConfig } from './config';

// The one way dispatch speaks HTTP: allowed hosts only, no redirects (a redirect could lead
// anywhere), a hard timeout, and every failure sorted by whether the request may have arrived.
//
// node:http rather than fetch, because only it says how far a request got: whether the
// connection was made, whether the request was written out in full (the request's 'finish'),
// whether it went out on a kept-alive connection (`reusedSocket`), and whether any byte of an
// answer came back. undici's fetch folds all of that into "fetch failed" (UND_ERR_SOCKET "other
// side closed", ECONNRESET), which cannot tell a request the receiver never read from one it
// processed and then dropped.

/** How far a request got before it failed. */
export type FailurePhase =
  /** No connection (refused, DNS, unreachable, TLS handshake or certificate, connect timeout). */
  | 'connect'
  /** Connected, but the request was not written out in full: the peer cannot hold a whole request. */
  | 'write'
  /**
   * Reset (TCP RST) before any byte of an answer. A kernel resets when the program closes a
   * connection without having read all that arrived on it, or when data reaches a connection
   * that is gone (a listener shut down with it still waiting to be accepted): the program never
   * read the whole request. One that read it and then died closes with FIN instead ("socket hang up").
   */
  | 'unread'
  /** Written on a kept-alive connection, which the peer closed before any byte of an answer: it had closed it already. */
  | 'stale'
  /** Written in full on a fresh connection, or an answer had begun: it may have been processed. */
  | 'sent';

/** Error codes of a closed or reset connection. */
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** Would sending again be safe: the request cannot have been processed. */
export const notProcessed = (phase: FailurePhase) => phase !== 'sent';

/** The phase of a failure, from what the request had got through when it failed. */
export function failurePhase(
  seen: { connected: boolean; written: boolean; reused: boolean; answered: boolean },
  code: string | undefined,
  /** The error came from a read or write the peer reset ("read ECONNRESET"), not from an orderly close. */
  reset = false,
): FailurePhase {
  if (!seen.connected) return 'connect';
  if (!seen.written) return 'write';
  if (seen.answered) return 'sent';
  if (reset && code === 'ECONNRESET') return 'unread';
  if (seen.reused && code !== undefined && CLOSED.has(code)) return 'stale';
  return 'sent';
}

// One keep-alive pool per origin. Idle connections are dropped after 4 s, before the common
// 5 s server keep-alive timeout, so we rarely pick one the server is closing; and when a request
// to an origin fails on the connection, its whole pool is dropped: after a receiver restart no
// other request goes out on a connection it had.
const IDLE_MS = 4_000;
const pools = new Map<string, HttpAgent>();

function poolFor(origin: string, secure: boolean): HttpAgent {
  let agent = pools.get(origin);
  if (!agent) {
    const options = { keepAlive: true, timeout: IDLE_MS, maxSockets: 32, maxFreeSockets: 8 };
    agent = secure ? new HttpsAgent(options) : new HttpAgent(options);
    pools.set(origin, agent);
  }
  return agent;
}

/** New requests get a new pool; the old one's idle connections close now, its busy ones finish undisturbed. */
function dropPool(origin: string): void {
  const agent = pools.get(origin);
  if (!agent) return;
  pools.delete(origin);
  for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
  (agent as { keepAlive?: boolean }).keepAlive = false;
}

type Init = { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string };
type Attempt =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'failure'; phase: FailurePhase; code: string | undefined; message: string; timedOut: boolean };

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

/** One request on one connection: the pool's (fresh = false) or a new one of its own. */
function once(url: URL, init: Init, timeoutMs: number, fresh: boolean): Promise<Attempt> {
  const secure = url.protocol === 'https:';
  const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
  const seen = { connected: false, written: false, reused: false, answered: false };
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    let timedOut = false;
    const finish = (result: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const fail = (error: unknown) => {
      const code = (error as { code?: string } | null)?.code;
      // Node says "read ECONNRESET" (syscall set) for a reset, "socket hang up" (none) for a close.
      const reset = Boolean((error as { syscall?: string } | null)?.syscall);
      const message = error instanceof Error ? error.message : String(error);
      finish({ kind: 'failure', phase: failurePhase(seen, timedOut ? undefined : code, reset && !timedOut), code, message, timedOut });
    };
    const options = {
      method: init.method,
      headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}), ...(fresh ? { connection: 'close' } : {}) },
      agent: fresh ? false : poolFor(url.origin, secure),
    };
    const req = (secure ? httpsRequest : httpRequest)(url, options as never);
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('socket', (socket) => {
      seen.reused = req.reusedSocket;
      const connecting = (socket as { connecting?: boolean }).connecting;
      if (seen.reused || (!connecting && !secure)) seen.connected = true;
      else socket.once(secure ? 'secureConnect' : 'connect', () => (seen.connected = true));
    });
    req.on('finish', () => (seen.written = true));
    req.on('error', fail);
    req.on('response', (res) => {
      seen.answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('aborted', () => fail(new Error('the answer was cut off')));
      res.on('end', () => finish({ kind: 'response', status: res.statusCode ?? 0, headers: headersOf(res), text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.end(body);
  });
}

function describeFailure(f: Extract<Attempt, { kind: 'failure' }>, timeoutMs: number): string {
  const what = f.timedOut ? `no answer within ${timeoutMs} ms` : f.code ? `${f.code}: ${f.message}` : f.message;
  switch (f.phase) {
    case 'connect':
      return `${what} (could not connect; nothing was sent)`;
    case 'write':
      return `${what} (the connection failed while the request was being written; it cannot have been processed)`;
    case 'unread':
      return `${what} (reset before any answer: the receiver did not read the whole request; it cannot have been processed)`;
    case 'stale':
      return `${what} (a kept-alive connection the receiver had already closed; it cannot have been processed)`;
    case 'sent':
      return f.timedOut ? what : `${what} (after the request was sent; it may have arrived)`;
  }
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unreadable URL';
  }
};

export async function exchange(url: string, init: Init, config: DispatchConfig): Promise<Exchange> {
  const refusal = refusalReason(url, config);
  if (refusal) {
    // The origin, not the URL: a webhook's path can be its secret (a Slack incoming webhook's is).
    console.error(`[dispatch] refused to send to ${originOf(url)}: ${refusal}`);
    return { kind: 'refused', error: `Refused: ${refusal}` };
  }
  const target = new URL(url);
  let result = await once(target, init, config.timeoutMs, false);
  if (result.kind === 'failure') {
    // Whatever went wrong with the connection, the pool's other connections to this origin are suspect.
    dropPool(target.origin);
    // Not processed, and the connection is to blame rather than the destination being down:
    // once more at once, on a connection of its own.
    if (result.phase === 'stale' || result.phase === 'write' || result.phase === 'unread') {
      const first = describeFailure(result, config.timeoutMs);
      result = await once(target, init, config.timeoutMs, true);
      if (result.kind === 'failure') {
        const again = describeFailure(result, config.timeoutMs);
        return { kind: 'network', error: `${again}; before that, ${first}`, mayHaveArrived: !notProcessed(result.phase) };
      }
    }
  }
  if (result.kind === 'failure') return { kind: 'network', error: describeFailure(result, config.timeoutMs), mayHaveArrived: !notProcessed(result.phase) };
  return result;
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300);

/** What a non-response means: refused, retry (nothing left), or uncertain (something may have). */
export function fromFailure(ex: Exclude<Exchange, { kind: 'response' }>): SendResult {
  if (ex.kind === 'refused') return { outcome: 'refused', httpStatus: null, error: ex.error };
  return ex.mayHaveArrived
    ? { outcome: 'uncertain', httpStatus: null, error: ex.error }
    : { outcome: 'retry', httpStatus: null, error: ex.error, retryAfterMs: null, unreached: true };
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
