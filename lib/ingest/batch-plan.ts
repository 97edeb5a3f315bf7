import { isUtf8 } from 'node:buffer';
import type { NormalizedEvent, Verification } from '@/lib/providers/types';
import { sortCallKeys } from './lock-calls';
import { needsStorableCopy, storableJson } from './storable';

// What one ingest batch will write, worked out in Node before the transaction opens: the
// distinct events (identical deliveries in one batch become one event with its copies counted),
// the delivery records, and the calls to lock. Rows are plain JSON for jsonb_to_recordset;
// bodies travel apart, one text (or bytea) parameter each.

export interface AcceptedDelivery {
  provider: string;
  endpoint: string;
  receivedAt: Date;
  headers: Record<string, string>;
  body: Buffer;
  /** The jsonb payload's text when the body's own text cannot be used (parse-event.ts); else null. */
  payload: string | null;
  verification: Verification;
  event: NormalizedEvent;
}

export const eventKey = (provider: string, dedupeKey: string) => `${provider}\u0000${dedupeKey}`;

/**
 * JSON text for a stored body's jsonb payload, exactly as ingest stores it: the body's own text,
 * or — when it held what jsonb cannot (see storable.ts) — the storable copy. For bodies that parsed.
 */
export function jsonText(body: Buffer): string {
  const text = body.toString('utf8');
  const clean = storableJson(JSON.parse(text));
  return clean.warnings.length > 0 || !isUtf8(body) || needsStorableCopy(text) ? JSON.stringify(clean.value) : text;
}

export interface PlannedDelivery {
  i: number;
  id: string;
  provider: string;
  endpoint: string;
  received_at: string;
  headers: Record<string, string>;
  body_size: number;
  verification: Verification;
  event_type: string;
  /** What was changed to store it (storable.ts), or null. */
  warnings: NormalizedEvent['warnings'] | null;
  /** Index of its event in `events`. */
  e: number;
}

export interface PlannedEvent {
  e: number;
  /** Index of the first delivery that carried it: its body is the payload, its outcome 'stored'. */
  d: number;
  provider: string;
  dedupe_key: string;
  provider_call_id: string | null;
  type: string;
  known: boolean;
  occurred_at: string | null;
  received_at: string;
  normalized: NormalizedEvent;
  signed: boolean;
  copies: number;
  /** The payload's JSON text when the body's own text cannot be used (AcceptedDelivery.payload). */
  payload: string | null;
  action: { providerCallId: string | null; kind: string; rawKind: string; reason: string | null; payload: Record<string, unknown> } | null;
  credit: { at: string; used: number; available: number | null } | null;
}

export interface BatchPlan {
  deliveries: PlannedDelivery[];
  events: PlannedEvent[];
  /** Per delivery: the body as text when that round-trips its bytes exactly, else the bytes. */
  bodies: (string | Buffer)[];
  callKeys: [string, string][];
  /** Provider and dedupe key of each event, for the index probe of the duplicate update. */
  providers: string[];
  dedupeKeys: string[];
}

/** `providerCallIds[i]`: the call delivery i belongs to (its own, or one found by metadata). */
export function planBatch(items: AcceptedDelivery[], providerCallIds: (string | null)[], newId: () => string): BatchPlan {
  const plan: BatchPlan = { deliveries: [], events: [], bodies: [], callKeys: [], providers: [], dedupeKeys: [] };
  const byKey = new Map<string, PlannedEvent>();
  const callKeys: [string, string][] = [];
  items.forEach((item, i) => {
    const { event, provider } = item;
    const providerCallId = providerCallIds[i] ?? null;
    const text = isUtf8(item.body) ? item.body.toString('utf8') : null;
    plan.bodies.push(text ?? item.body);
    const key = eventKey(provider, event.dedupeKey);
    let planned = byKey.get(key);
    if (planned) planned.copies++;
    else {
      if (providerCallId) callKeys.push([provider, providerCallId]);
      planned = {
        e: plan.events.length,
        d: i,
        provider,
        dedupe_key: event.dedupeKey,
        provider_call_id: providerCallId,
        type: event.type,
        known: event.known,
        occurred_at: event.occurredAt,
        received_at: item.receivedAt.toISOString(),
        normalized: event,
        signed: item.verification === 'valid',
        copies: 1,
        payload: item.payload,
        action: event.action ? { providerCallId: providerCallId ?? event.providerCallId, ...event.action } : null,
        credit: event.credits
          ? { at: event.occurredAt ?? event.facts.endedAt ?? item.receivedAt.toISOString(), used: event.credits.used, available: event.credits.available }
          : null,
      };
      byKey.set(key, planned);
      plan.events.push(planned);
      plan.providers.push(provider);
      plan.dedupeKeys.push(event.dedupeKey);
    }
    plan.deliveries.push({
      i,
      id: newId(),
      provider,
      endpoint: item.endpoint,
      received_at: item.receivedAt.toISOString(),
      headers: item.headers,
      body_size: item.body.length,
      verification: item.verification,
      event_type: event.type,
      warnings: event.warnings ?? null,
      e: planned.e,
    });
  });
  plan.callKeys = sortCallKeys(callKeys);
  return plan;
}
