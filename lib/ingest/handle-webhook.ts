import 'server-only';
import type { AlertRule } from '@/lib/alerts/rules';
import { evaluateAlertsSoon } from '@/lib/alerts/soon';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import type { ProviderDefinition, Verification } from '@/lib/providers/types';
import { ingest } from './ingest';
import { parseEvent } from './parse-event';
import { assertJsonContentType, readBody } from './read-body';
import { type RejectedDelivery, recordRejected } from './record-rejected';
import { failedDelivery } from './webhook-failure';

// The provider-neutral webhook pipeline: read raw bytes → verify → parse → normalize → store.
// Every request ends as a delivery row, accepted or not, so a developer can see why one failed.

export const COMMON_HEADERS = ['content-type', 'content-length', 'user-agent', 'x-forwarded-for', 'x-request-id'];

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
    throw new AppError(
      401,
      'unsigned_not_allowed',
      `No ${provider.envPrefix}_WEBHOOK_SECRET is configured and ${provider.envPrefix}_ALLOW_UNSIGNED is not true`,
    );
  }
  const result = provider.verify({ rawBody: body, headers: request.headers, secrets, now, toleranceSeconds: settings.WEBHOOK_TIMESTAMP_TOLERANCE_SECONDS });
  if (result.verification !== 'valid') {
    throw Object.assign(new AppError(401, `signature_${result.verification}`, result.reason), { verification: result.verification });
  }
  return 'valid';
}

// What a delivery can start or end: an accepted one ends a silence, carries a new action, or
// completes the count a refused share is judged on; a refused one can start a provider refusing.
// missing_events (the costliest statement, ~0.3 s on a busy week: bench/alerts.ts) is left to the
// every-minute cron: a closing event that arrives only ends an alert, after the damping anyway.
const AFTER_ACCEPTED: AlertRule[] = ['waiting_approval', 'provider_refusing', 'provider_silent'];
const AFTER_REFUSED: AlertRule[] = ['provider_refusing'];

export async function handleWebhook(provider: ProviderDefinition, request: Request): Promise<Response> {
  const receivedAt = new Date();
  const endpoint = new URL(request.url).pathname;
  const headers = pickHeaders(request.headers, provider);
  let body: Buffer = Buffer.alloc(0);
  let size = 0;
  let verification: Verification = provider.isSigned(request.headers) ? 'invalid' : 'missing';
  let accepted = false;
  let eventType: string | null = null;
  const record = (d: Pick<RejectedDelivery, 'httpStatus' | 'errorCode' | 'errorMessage' | 'verification'>, outcome?: 'failed') =>
    recordRejected({ provider: provider.id, endpoint, receivedAt, headers, body, bodySize: size, eventType, ...d }, outcome);
  try {
    const limit = env().WEBHOOK_MAX_BODY_BYTES;
    const read = await readBody(request, limit);
    ({ body, size } = read);
    if (read.tooLarge) throw new AppError(413, 'payload_too_large', `Body is ${size} bytes or more; the limit is ${limit} (WEBHOOK_MAX_BODY_BYTES)`);
    assertJsonContentType(request);
    verification = verify(provider, request, body, receivedAt);
    accepted = true;

    const parsed = parseEvent(provider, body);
    eventType = parsed.ok ? parsed.event.type : parsed.eventType;
    if (!parsed.ok) throw new AppError(400, parsed.code, parsed.message);
    const { event, payload } = parsed;
    const stored = await ingest({ provider: provider.id, endpoint, receivedAt, headers, body, payload, verification, event });
    evaluateAlertsSoon(AFTER_ACCEPTED);
    return Response.json(stored.outcome === 'duplicate' ? { ok: true, duplicate: true } : { ok: true });
  } catch (error) {
    const response = await failedDelivery(provider.id, error, { accepted, verification, record });
    evaluateAlertsSoon(AFTER_REFUSED);
    return response;
  }
}
