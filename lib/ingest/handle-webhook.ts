import 'server-only';
import { ZodError } from 'zod';
import { env } from '@/lib/env';
import { AppError, errorBody, toAppError, zodMessage } from '@/lib/http/errors';
import type { ProviderDefinition, Verification } from '@/lib/providers/types';
import { ingest } from './ingest';
import { assertJsonContentType, readBody } from './read-body';
import { recordRejected } from './record-rejected';

// The provider-neutral webhook pipeline: read raw bytes → verify → parse → normalize → store.
// Every request ends as a delivery row, accepted or not, so a developer can see why one failed.

const COMMON_HEADERS = ['content-type', 'content-length', 'user-agent', 'x-forwarded-for', 'x-request-id'];

function pickHeaders(headers: Headers, provider: ProviderDefinition): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...COMMON_HEADERS, ...provider.storedHeaders]) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

function verify(provider: ProviderDefinition, request: Request, body: Buffer, now: Date): Verification {
  const settings = env();
  const secrets = settings.webhookSecrets[provider.envPrefix] ?? [];
  if (secrets.length === 0) {
    if (settings.allowUnsigned[provider.envPrefix]) return 'unsigned';
    throw new AppError(401, 'unsigned_not_allowed', `No ${provider.envPrefix}_WEBHOOK_SECRET is configured and ${provider.envPrefix}_ALLOW_UNSIGNED is not true`);
  }
  const result = provider.verify({ rawBody: body, headers: request.headers, secrets, now, toleranceSeconds: settings.WEBHOOK_TIMESTAMP_TOLERANCE_SECONDS });
  if (result.verification !== 'valid') {
    throw Object.assign(new AppError(401, `signature_${result.verification}`, result.reason), { verification: result.verification });
  }
  return 'valid';
}

/** The event type, read loosely, for the delivery record of a payload we could not accept. */
function looseType(json: unknown): string | null {
  if (!json || typeof json !== 'object') return null;
  const o = json as { type?: unknown; event?: unknown };
  const nested = o.event && typeof o.event === 'object' ? (o.event as { type?: unknown }).type : undefined;
  const t = typeof nested === 'string' ? nested : typeof o.event === 'string' ? o.event : typeof o.type === 'string' ? o.type : null;
  return t ? t.slice(0, 200) : null;
}

export async function handleWebhook(provider: ProviderDefinition, request: Request): Promise<Response> {
  const receivedAt = new Date();
  const endpoint = new URL(request.url).pathname;
  const headers = pickHeaders(request.headers, provider);
  let body: Buffer = Buffer.alloc(0);
  let size = 0;
  let verification: Verification = provider.isSigned(request.headers) ? 'invalid' : 'missing';
  let eventType: string | null = null;
  try {
    const limit = env().WEBHOOK_MAX_BODY_BYTES;
    const read = await readBody(request, limit);
    ({ body, size } = read);
    if (read.tooLarge) throw new AppError(413, 'payload_too_large', `Body is ${size} bytes or more; the limit is ${limit} (WEBHOOK_MAX_BODY_BYTES)`);
    assertJsonContentType(request);
    verification = verify(provider, request, body, receivedAt);

    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch (error) {
      throw new AppError(400, 'invalid_json', `Body is not valid JSON: ${(error as Error).message}`);
    }
    eventType = looseType(json);
    let event;
    try {
      event = provider.normalize(json);
    } catch (error) {
      if (error instanceof ZodError) throw new AppError(400, 'invalid_payload', `Not a valid ${provider.label} event: ${zodMessage(error)}`);
      throw error;
    }
    let stored;
    try {
      stored = await ingest({ provider: provider.id, endpoint, receivedAt, headers, body, verification, event });
    } catch (error) {
      if (toAppError(error).status === 503) throw error;
      // Verified and valid, but the pipeline failed: keep the delivery whole for reprocessing.
      console.error(`[webhook ${provider.id}] could not store a valid delivery; kept raw for reprocessing`, error);
      await recordRejected({ provider: provider.id, endpoint, receivedAt, headers, body, bodySize: size, verification, httpStatus: provider.retries ? 500 : 202, errorCode: 'processing_failed', errorMessage: (error as Error).message.slice(0, 500), eventType: event.type }, 'failed');
      return provider.retries
        ? Response.json(errorBody(new AppError(500, 'processing_failed', 'The delivery was kept but could not be processed; retry later')), { status: 500 })
        : Response.json({ ok: true, processed: false }, { status: 202 });
    }
    return Response.json(stored.outcome === 'duplicate' ? { ok: true, duplicate: true } : { ok: true });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'internal_error') console.error(`[webhook ${provider.id}]`, error);
    const failedVerification = (error as { verification?: Verification }).verification;
    if (appError.status !== 503) {
      await recordRejected({
        provider: provider.id, endpoint, receivedAt, headers, body, bodySize: size,
        verification: failedVerification ?? verification, httpStatus: appError.status,
        errorCode: appError.code, errorMessage: appError.message, eventType,
      }).catch((recordError: unknown) => console.error('[webhook] could not record rejected delivery', recordError));
    }
    return Response.json(errorBody(appError), { status: appError.status });
  }
}
