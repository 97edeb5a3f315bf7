import type { FetchLike } from './check-api';
import { rateLimiter } from './rate';
import { endpointOf, type SignableProvider, type SimProvider, signFor } from './sign';
import { storyById } from './stories';
import type { SimCall } from './types';

// Delivers simulated webhooks through the real endpoints, signed the way each provider signs.
// Global fetch (undici) keeps connections alive by default, which matters for load runs.

export interface SendEventInput {
  baseUrl: string;
  provider: SimProvider;
  /** An object is serialised compactly; a string is sent byte for byte. */
  body: object | string;
  secret: string;
  /** Signing time (MiniVoice's timestamp header); defaults to the current time. */
  now?: Date;
  /** Injectable so tests can drive the route handlers in process. */
  fetch?: FetchLike;
}

export interface SendResult {
  status: number;
  json: unknown;
}

/** POSTs one signed event. Throws only when no HTTP answer arrives (network error). */
export async function sendEvent({ baseUrl, provider, body, secret, now, fetch: fetcher = fetch }: SendEventInput): Promise<SendResult> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const endpoint = endpointOf(provider);
  const res = await fetcher(`${baseUrl.replace(/\/+$/, '')}/api/webhooks/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...eventHeader(provider, body), ...signFor(endpoint, raw, secret, now) },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, json: parseJson(text) };
}

/** Headers other than the signature that the provider sends with an event. */
function eventHeader(provider: SimProvider, body: object | string): Record<string, string> {
  return storyById(provider)?.headers?.(body) ?? {};
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (an HTML error page, a proxy's text): keep it so the caller can show it.
    return text;
  }
}

export interface SendProgress {
  sent: number;
  ok: number;
  failed: number;
  total: number;
}

export interface SendCallsInput {
  baseUrl: string;
  calls: readonly SimCall[];
  /** A provider without a secret here fails its deliveries rather than sending them unsigned. */
  secrets: Partial<Record<SignableProvider, string>>;
  concurrency: number;
  /** Events per second across all workers; unset or 0 sends as fast as answers come. */
  rate?: number;
  fetch?: FetchLike;
  onProgress?: (progress: SendProgress) => void;
}

export interface SendCallsResult {
  sent: number;
  ok: number;
  failed: number;
  /** Count per HTTP status; `network` for requests that got no answer. */
  byStatus: Record<string, number>;
  /** The first failure seen, to say why without flooding the log. */
  firstFailure?: string;
}

/**
 * Sends each call's events in order (a provider never sends a call's events in parallel),
 * with up to `concurrency` calls in flight. Never throws for a failed delivery: it counts it.
 */
export async function sendCalls({ baseUrl, calls, secrets, concurrency, rate, fetch: fetcher, onProgress }: SendCallsInput): Promise<SendCallsResult> {
  const total = calls.reduce((sum, call) => sum + call.events.length, 0);
  const result: SendCallsResult = { sent: 0, ok: 0, failed: 0, byStatus: {} };
  const record = (key: string, ok: boolean, failure: string) => {
    result.sent++;
    result.byStatus[key] = (result.byStatus[key] ?? 0) + 1;
    if (ok) result.ok++;
    else {
      result.failed++;
      result.firstFailure ??= failure;
    }
    onProgress?.({ sent: result.sent, ok: result.ok, failed: result.failed, total });
  };

  const slot = rateLimiter(rate ?? 0);
  let next = 0;
  const worker = async () => {
    for (let call = calls[next++]; call; call = calls[next++]) {
      const secret = secrets[call.provider];
      for (const body of call.events) {
        if (secret === undefined) {
          record('no-secret', false, `${call.provider}: no signing secret`);
          continue;
        }
        await slot();
        try {
          const { status, json } = await sendEvent({ baseUrl, provider: call.provider, body, secret, fetch: fetcher });
          record(
            String(status),
            status >= 200 && status < 300,
            `${call.provider} ${call.providerCallId}: HTTP ${status} ${JSON.stringify(json).slice(0, 300)}`,
          );
        } catch (error) {
          record('network', false, `${call.provider} ${call.providerCallId}: ${describeError(error)}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, calls.length)) }, worker));
  return result;
}

/** fetch hides the useful part (ECONNREFUSED …) in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
