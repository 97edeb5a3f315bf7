import http from 'node:http';
import { demoSecret } from '../simulator/demo';
import { signFor } from '../simulator/sign';
import type { Delivery } from './traffic';

// The load client: plain node:http on a keep-alive agent, one socket per worker. fetch (undici)
// would do, but it costs more CPU per request, and every cycle the client burns is taken
// from the server on a 2-core machine.

/** database = storeBatch straight on pg (no HTTP); naive = the Express receiver. */
export type Endpoint = 'bare' | 'ingest' | 'naive' | 'database';

const pathFor = (endpoint: Endpoint, provider: string): string =>
  endpoint === 'bare' ? '/api/bench/bare' : endpoint === 'naive' ? `/webhooks/${provider}` : `/api/webhooks/${provider}`;

export interface LoadResult {
  requests: number;
  durationMs: number;
  /** Per request, in send order. */
  latenciesMs: Float64Array;
  /** Count per HTTP status; `network` / `timeout` for requests that got no answer. */
  byStatus: Record<string, number>;
  firstFailure?: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

interface Answer {
  status: string;
  failure?: string;
}

function post(agent: http.Agent, port: number, path: string, delivery: Delivery): Promise<Answer> {
  const { provider, body } = delivery;
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...delivery.headers,
    // Signed now, not in advance: MiniVoice's timestamp must be within 300 s of arrival.
    ...signFor(provider, body, demoSecret(provider)),
  };
  return new Promise((resolve) => {
    const req = http.request({ agent, host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        res.resume(); // discard, but wait for the end so latency covers the whole answer
        res.on('end', () => resolve({ status: String(status) }));
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: String(status), failure: `${provider} ${path}: HTTP ${status} ${text.slice(0, 300)}` }));
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', (error) => {
      const status = error.message === 'timeout' ? 'timeout' : 'network';
      resolve({ status, failure: `${provider} ${path}: ${error.message}` });
    });
    req.end(body);
  });
}

export interface LoadOptions {
  port: number;
  endpoint: Endpoint;
  deliveries: readonly Delivery[];
  concurrency: number;
  /** Stops handing out new requests (in-flight ones finish); the result then covers fewer. */
  signal?: AbortSignal;
}

/** Sends every delivery once, `concurrency` at a time, from one shared queue. */
export async function runLoad({ port, endpoint, deliveries, concurrency, signal }: LoadOptions): Promise<LoadResult> {
  // A fresh agent per phase: sockets idle across the pause between phases may have been closed
  // by the server's keep-alive timeout, and a reused dead socket shows up as a network error.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs = new Float64Array(deliveries.length);
  const result: LoadResult = { requests: deliveries.length, durationMs: 0, latenciesMs, byStatus: {} };
  let next = 0;

  const worker = async (): Promise<void> => {
    for (let i = next++; i < deliveries.length && !signal?.aborted; i = next++) {
      const delivery = deliveries[i]!;
      const path = pathFor(endpoint, delivery.provider);
      const started = performance.now();
      const answer = await post(agent, port, path, delivery);
      latenciesMs[i] = performance.now() - started;
      result.byStatus[answer.status] = (result.byStatus[answer.status] ?? 0) + 1;
      if (answer.failure) result.firstFailure ??= answer.failure;
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, deliveries.length) }, worker));
  result.durationMs = performance.now() - started;
  agent.destroy();
  return result;
}
