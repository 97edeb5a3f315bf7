import 'server-only';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { type JsonValue, pool } from '@/lib/db';
import { type BodyView, bodyView, type HeaderView, headerViews } from '@/lib/delivery-view';
import type { StorageWarning } from '@/lib/ingest/storable';
import { createMasker } from '@/lib/privacy';
import { PROVIDERS, providerById } from '@/lib/providers/registry';
import { decodeCursor, encodeCursor } from '@/lib/queries/cursor';
import { type Privacy, privacyFor } from '@/lib/queries/privacy';
import { DELIVERY_SINCE, type DeliveryFilters } from '@/lib/schemas/deliveries';
import { WHATSAPP_SIGNATURE_HEADER, WHATSAPP_SOURCE, whatsappPersonalData } from '@/lib/whatsapp/webhook';

// Every webhook request, newest first; the `q` filter searches raw bytes too.

export interface DeliveryListItem {
  id: string;
  provider: string;
  endpoint: string;
  receivedAt: Date;
  verification: string;
  outcome: string;
  httpStatus: number;
  errorCode: string | null;
  errorMessage: string | null;
  eventType: string | null;
  /** What was changed to store it (NUL removed, a date out of range dropped …); empty when nothing. */
  warnings: StorageWarning[];
  callId: string | null;
  providerCallId: string | null;
  bodySize: number;
  bodyTruncated: boolean;
}

export type DeliveryDetail = DeliveryListItem & { headers: HeaderView[]; body: BodyView };

interface Row {
  id: string;
  provider: string;
  endpoint: string;
  received_at: Date;
  verification: string;
  outcome: string;
  http_status: number;
  error_code: string | null;
  error_message: string | null;
  event_type: string | null;
  warnings: StorageWarning[] | null;
  call_id: string | null;
  provider_call_id: string | null;
  body_size: number;
  body_truncated: boolean;
}

function toItem(row: Row, privacy: Privacy): DeliveryListItem {
  // Parse errors can quote the body; everything else in a row is ids and codes.
  const errorMessage = row.error_message ? privacy.text(row.call_id, row.error_message) : row.error_message;
  return {
    id: row.id,
    provider: row.provider,
    endpoint: row.endpoint,
    receivedAt: row.received_at,
    verification: row.verification,
    outcome: row.outcome,
    httpStatus: row.http_status,
    errorCode: row.error_code,
    errorMessage,
    eventType: row.event_type,
    warnings: row.warnings ?? [],
    callId: row.call_id,
    providerCallId: row.provider_call_id,
    bodySize: row.body_size,
    bodyTruncated: row.body_truncated,
  };
}

function conditions(filters: DeliveryFilters, now: Date): { sql: string; params: unknown[] } {
  const and: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filters.provider) and.push(`d.provider = ${param(filters.provider)}`);
  if (filters.outcome) and.push(`d.outcome = ${param(filters.outcome)}`);
  if (filters.verification) and.push(`d.verification = ${param(filters.verification)}`);
  if (filters.since) and.push(`d.received_at >= ${param(new Date(now.getTime() - DELIVERY_SINCE[filters.since] * 60_000))}`);
  if (filters.from) and.push(`d.received_at >= ${param(new Date(filters.from))}`);
  if (filters.to) and.push(`d.received_at < ${param(new Date(filters.to))}`);
  if (filters.q) {
    // Calls are found through their (provider, provider_call_id) key, one probe per provider.
    // A delivery that reached no call (rejected, failed) can only be found by its bytes.
    const providers = filters.provider ? [filters.provider] : Object.keys(PROVIDERS);
    const q = param(filters.q);
    and.push(`(d.event_type = ${q}
      OR d.call_id IN (SELECT id FROM call WHERE provider = ANY(${param(providers)}::text[]) AND provider_call_id = ${q})
      OR (d.call_id IS NULL AND position(${param(Buffer.from(filters.q, 'utf8'))}::bytea IN d.body) > 0))`);
  }
  if (filters.cursor) {
    const { at, id } = decodeCursor(filters.cursor);
    // The plain bound lets the planner start inside the received_at index; the row compare breaks ties.
    const atParam = param(at);
    and.push(`d.received_at <= ${atParam} AND (d.received_at, d.id) < (${atParam}, ${param(id)}::uuid)`);
  }
  return { sql: and.length ? `WHERE ${and.join(' AND ')}` : '', params };
}

/** Deliveries, newest first, one keyset page over (received_at, id) at a time. */
export async function listDeliveries(
  actor: Actor,
  filters: DeliveryFilters,
  now = new Date(),
): Promise<{ deliveries: DeliveryListItem[]; nextCursor: string | null }> {
  assertCan(actor, 'deliveries:read');
  const { sql, params } = conditions(filters, now);
  const { rows } = await pool().query<Row>(
    `SELECT d.id, d.provider, d.endpoint, d.received_at, d.verification, d.outcome, d.http_status, d.error_code,
            d.error_message, d.event_type, d.warnings, d.call_id, c.provider_call_id, d.body_size, d.body_truncated
     FROM delivery d LEFT JOIN call c ON c.id = d.call_id
     ${sql}
     ORDER BY d.received_at DESC, d.id DESC
     LIMIT ${filters.limit + 1}`,
    params,
  );
  const shown = rows.slice(0, filters.limit);
  const privacy = await privacyFor(
    actor,
    shown.map((row) => row.call_id),
  );
  const page = shown.map((row) => toItem(row, privacy));
  const last = page.at(-1);
  return { deliveries: page, nextCursor: rows.length > filters.limit && last ? encodeCursor(last.receivedAt, last.id) : null };
}

/** One delivery with its headers (secrets cut short) and body (masked for viewers). */
export async function getDelivery(actor: Actor, id: string): Promise<DeliveryDetail | null> {
  assertCan(actor, 'deliveries:read');
  const { rows } = await pool().query<Row & { headers: JsonValue; body: Buffer }>(
    `SELECT d.id, d.provider, d.endpoint, d.received_at, d.verification, d.outcome, d.http_status, d.error_code,
            d.error_message, d.event_type, d.warnings, d.call_id, c.provider_call_id, d.body_size, d.body_truncated, d.headers, d.body
     FROM delivery d LEFT JOIN call c ON c.id = d.call_id
     WHERE d.id = $1`,
    [id],
  );
  const d = rows[0];
  if (!d) return null;
  // Masked (for viewers) with what the call it reached names, so a name in its transcript goes too.
  const privacy = await privacyFor(actor, [d.call_id]);
  let mask = privacy.masker(d.call_id);
  if (mask && d.provider === WHATSAPP_SOURCE) {
    // A WhatsApp delivery reaches no call: what it names (numbers, names, what the customer wrote) is read from the body itself.
    const named = whatsappPersonalData(d.body);
    mask = createMasker({ phones: named.phones, emails: [], names: named.names, addressLines: named.texts });
  }
  return {
    ...toItem(d, privacy),
    headers: headerViews(d.headers, providerById(d.provider)?.signatureHeaders ?? (d.provider === WHATSAPP_SOURCE ? [WHATSAPP_SIGNATURE_HEADER] : []), mask),
    body: bodyView(d.body, { size: d.body_size, truncated: d.body_truncated, mask }),
  };
}
