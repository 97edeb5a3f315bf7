import type { ClientBase } from 'pg';
import { AppError } from '@/lib/http/errors';
import { providerById } from '@/lib/providers/registry';
import { WHATSAPP_SOURCE } from '@/lib/whatsapp/webhook';

// Which stored deliveries a reprocess run reads, page by page in arrival order.

export type ReprocessScope =
  | { kind: 'all' }
  | { kind: 'provider'; provider: string }
  | { kind: 'call'; callId: string }
  | { kind: 'delivery'; deliveryId: string };

/** A stored delivery as reprocessing reads it. */
export interface DeliveryRow {
  id: string;
  provider: string;
  received_at: Date;
  body: Buffer;
  verification: string;
  outcome: string;
  event_id: string | null;
  call_id: string | null;
  event_type: string | null;
}

/**
 * Deliveries whose bytes we accepted as genuine: everything that reached the pipeline, plus
 * refusals that only the parser caused, with the whole body kept. A parser fix can turn those
 * into events; signature, size and content-type refusals stay refused whatever the code.
 */
// WhatsApp deliveries carry messages and statuses, not call events: reprocessing does not read them.
const ELIGIBLE = `d.provider <> '${WHATSAPP_SOURCE}' AND (d.outcome IN ('stored', 'duplicate', 'failed')
  OR (d.outcome = 'rejected' AND d.verification IN ('valid', 'unsigned')
      AND d.error_code IN ('invalid_payload', 'invalid_json') AND NOT d.body_truncated))`;

type Param = (value: unknown) => string;

export interface ResolvedScope {
  /** SQL condition on delivery `d`; `param` numbers the values it needs. */
  where: (param: Param) => string;
  /** A one-call run: deliveries found by their bytes that now name another call are left alone. */
  call?: { id: string; provider: string; providerCallId: string };
}

/**
 * A rejected delivery never reached a call, so for one call it is found by its bytes naming
 * the provider call id, among the provider's refusals from a day around the call's activity
 * (an index range, not a scan of every delivery).
 */
async function callDeliveryIds(client: ClientBase, call: { id: string; provider: string; providerCallId: string; from: Date; to: Date }): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT d.id FROM delivery d WHERE d.event_id IN (SELECT e.id FROM call_event e WHERE e.call_id = $1)
     UNION SELECT d.id FROM delivery d WHERE d.call_id = $1
     UNION SELECT d.id FROM delivery d
       WHERE d.provider = $2 AND d.received_at BETWEEN $3::timestamptz - interval '1 day' AND $4::timestamptz + interval '1 day'
         AND d.outcome = 'rejected' AND position(convert_to($5, 'UTF8') in d.body) > 0`,
    [call.id, call.provider, call.from, call.to, call.providerCallId],
  );
  return rows.map((r) => r.id);
}

export async function resolveScope(client: ClientBase, scope: ReprocessScope): Promise<ResolvedScope> {
  switch (scope.kind) {
    case 'all':
      return { where: () => 'true' };
    case 'provider':
      if (!providerById(scope.provider)) throw new AppError(400, 'invalid_request', `No provider "${scope.provider}" in this version`);
      return { where: (param) => `d.provider = ${param(scope.provider)}` };
    case 'call': {
      const { rows } = await client.query<{ provider: string; provider_call_id: string; first_event_at: Date; last_event_at: Date }>(
        'SELECT provider, provider_call_id, first_event_at, last_event_at FROM call WHERE id = $1',
        [scope.callId],
      );
      const row = rows[0];
      if (!row) throw new AppError(404, 'not_found', `No call with id ${scope.callId}`);
      const call = { id: scope.callId, provider: row.provider, providerCallId: row.provider_call_id };
      const ids = await callDeliveryIds(client, { ...call, from: row.first_event_at, to: row.last_event_at });
      return { where: (param) => `d.id = ANY(${param(ids)}::uuid[])`, call };
    }
    case 'delivery': {
      // Its event's other deliveries are recounted with it (settleDuplicates reads them all).
      const { rows } = await client.query('SELECT 1 FROM delivery WHERE id = $1', [scope.deliveryId]);
      if (rows.length === 0) throw new AppError(404, 'not_found', `No delivery with id ${scope.deliveryId}`);
      return { where: (param) => `d.id = ${param(scope.deliveryId)}::uuid` };
    }
  }
}

/** How many deliveries a run over `scope` will read: for progress, counted once at the start. */
export async function countScope(client: ClientBase, scope: ResolvedScope, until: Date): Promise<number> {
  const params: unknown[] = [];
  const param: Param = (value) => `$${params.push(value)}`;
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM delivery d WHERE ${ELIGIBLE} AND ${scope.where(param)} AND d.received_at <= ${param(until)}`,
    params,
  );
  return rows[0]?.n ?? 0;
}

export interface PageCursor {
  receivedAt: Date;
  id: string;
}

/**
 * The next `limit` eligible deliveries after `after`, oldest first. `until` bounds the run:
 * whatever arrives later was stored by the running code already.
 */
export async function readPage(client: ClientBase, scope: ResolvedScope, until: Date, after: PageCursor | null, limit: number): Promise<DeliveryRow[]> {
  const params: unknown[] = [];
  const param: Param = (value) => `$${params.push(value)}`;
  const where = [ELIGIBLE, scope.where(param), `d.received_at <= ${param(until)}`];
  if (after) {
    // The plain bound lets the received_at index start the scan; the row comparison breaks ties.
    const at = param(after.receivedAt);
    where.push(`d.received_at >= ${at}`, `(d.received_at, d.id) > (${at}::timestamptz, ${param(after.id)}::uuid)`);
  }
  const { rows } = await client.query<DeliveryRow>(
    `SELECT d.id, d.provider, d.received_at, d.body, d.verification, d.outcome, d.event_id, d.call_id, d.event_type
     FROM delivery d WHERE ${where.join(' AND ')}
     ORDER BY d.received_at, d.id LIMIT ${param(limit)}`,
    params,
  );
  return rows;
}
