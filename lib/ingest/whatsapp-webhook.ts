import 'server-only';
import { transaction } from '@/lib/db';
import { nextRetryDelayMs } from '@/lib/dispatch/backoff';
import { env } from '@/lib/env';
import { dispatchConfig } from '@/lib/env-dispatch';
import { AppError } from '@/lib/http/errors';
import { matchesAnySecret } from '@/lib/providers/hmac';
import type { Verification } from '@/lib/providers/types';
import { answerHandshake } from '@/lib/whatsapp/handshake';
import { reconcileMessage } from '@/lib/whatsapp/reconcile';
import { storeInboundMessages, storeStatuses } from '@/lib/whatsapp/store';
import { type InboundMessage, parseWhatsappWebhook, type StatusReport, WHATSAPP_SIGNATURE_HEADER, WHATSAPP_SOURCE } from '@/lib/whatsapp/webhook';
import { COMMON_HEADERS } from './handle-webhook';
import { assertJsonContentType, readBody } from './read-body';
import { type RejectedDelivery, recordRejected } from './record-rejected';
import { cleanText } from './storable';
import { failedDelivery } from './webhook-failure';

// WhatsApp Cloud API webhooks, the fifth source on the same road as the voice providers: every
// request is a delivery (provider `whatsapp`), verified on its raw bytes before it is read
// (X-Hub-Signature-256 with WHATSAPP_APP_SECRET), then its customer messages and the statuses of
// the messages we sent are stored once each, and the statuses reconciled onto their actions.
// Not a ProviderDefinition: it reports no calls, so it has no events, fold or lifecycle.

const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

/** GET: Meta's subscription handshake. */
export function handleWhatsappHandshake(request: Request): Response {
  const answer = answerHandshake(new URL(request.url).searchParams, env().WHATSAPP_VERIFY_TOKEN);
  if (answer.ok) return new Response(answer.challenge, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return Response.json({ error: { code: 'forbidden', message: answer.reason } }, { status: 403 });
}

function verify(request: Request, body: Buffer): Verification {
  const secrets = env().WHATSAPP_APP_SECRET ?? [];
  if (secrets.length === 0) throw new AppError(401, 'unsigned_not_allowed', 'No WHATSAPP_APP_SECRET is configured: WhatsApp webhooks cannot be verified');
  const header = request.headers.get(WHATSAPP_SIGNATURE_HEADER)?.trim();
  if (!header) {
    throw Object.assign(new AppError(401, 'signature_missing', 'X-Hub-Signature-256 header is missing'), { verification: 'missing' as const });
  }
  const hex = /^sha256=([0-9a-fA-F]{64})$/.exec(header)?.[1]?.toLowerCase();
  if (!hex || !matchesAnySecret(secrets, body, hex)) {
    throw Object.assign(new AppError(401, 'signature_invalid', 'X-Hub-Signature-256 does not match the body under any configured WHATSAPP_APP_SECRET'), {
      verification: 'invalid' as const,
    });
  }
  return 'valid';
}

interface Accepted {
  endpoint: string;
  receivedAt: Date;
  headers: Record<string, string>;
  body: Buffer;
  eventType: string;
  messages: InboundMessage[];
  statuses: StatusReport[];
}

async function store(d: Accepted): Promise<{ duplicate: boolean }> {
  const policy = dispatchConfig(env()).policy;
  const retryDelayMs = (attempts: number) => nextRetryDelayMs(attempts, policy);
  return transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO delivery (provider, endpoint, received_at, headers, body, body_size, verification, outcome, http_status, event_type)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, 'valid', 'stored', 200, $7) RETURNING id`,
      [WHATSAPP_SOURCE, d.endpoint, d.receivedAt, cleanText(JSON.stringify(d.headers)), d.body, d.body.length, d.eventType],
    );
    const deliveryId = rows[0]?.id ?? '';
    const newMessages = await storeInboundMessages(tx, deliveryId, d.messages);
    const newStatuses = await storeStatuses(tx, deliveryId, d.statuses);
    // One message at a time, in a fixed order, under its lock (reconcile.ts).
    for (const wamid of [...new Set(d.statuses.map((s) => s.wamid))].sort()) await reconcileMessage(tx, wamid, { now: new Date(), retryDelayMs });
    const duplicate = d.messages.length + d.statuses.length > 0 && newMessages + newStatuses === 0;
    if (duplicate) await tx.query(`UPDATE delivery SET outcome = 'duplicate' WHERE id = $1`, [deliveryId]);
    return { duplicate };
  });
}

async function storeWithRetry(d: Accepted): Promise<{ duplicate: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store(d);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= 3) throw error;
    }
  }
}

/** POST: a signed delivery of customer messages and statuses. */
export async function handleWhatsappWebhook(request: Request): Promise<Response> {
  const receivedAt = new Date();
  const endpoint = new URL(request.url).pathname;
  const headers: Record<string, string> = {};
  for (const name of [...COMMON_HEADERS, WHATSAPP_SIGNATURE_HEADER]) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  let body: Buffer = Buffer.alloc(0);
  let size = 0;
  let verification: Verification = request.headers.has(WHATSAPP_SIGNATURE_HEADER) ? 'invalid' : 'missing';
  let accepted = false;
  let eventType: string | null = null;
  const record = (d: Pick<RejectedDelivery, 'httpStatus' | 'errorCode' | 'errorMessage' | 'verification'>, outcome?: 'failed') =>
    recordRejected({ provider: WHATSAPP_SOURCE, endpoint, receivedAt, headers, body, bodySize: size, eventType, ...d }, outcome);
  try {
    const limit = env().WEBHOOK_MAX_BODY_BYTES;
    const read = await readBody(request, limit);
    ({ body, size } = read);
    if (read.tooLarge) throw new AppError(413, 'payload_too_large', `Body is ${size} bytes or more; the limit is ${limit} (WEBHOOK_MAX_BODY_BYTES)`);
    assertJsonContentType(request);
    verification = verify(request, body);
    accepted = true;

    const parsed = parseWhatsappWebhook(body);
    eventType = parsed.eventType;
    if (!parsed.ok) throw new AppError(400, parsed.code, parsed.message);
    const stored = await storeWithRetry({
      endpoint,
      receivedAt,
      headers,
      body,
      eventType: parsed.eventType,
      messages: parsed.messages,
      statuses: parsed.statuses,
    });
    return Response.json(stored.duplicate ? { ok: true, duplicate: true } : { ok: true });
  } catch (error) {
    return failedDelivery(WHATSAPP_SOURCE, error, { accepted, verification, record });
  }
}
