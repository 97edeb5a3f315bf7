import { compact, facts, statusFrom, toIso } from '@/lib/providers/common';
import type { CallStatus, NormalizedEvent } from '@/lib/providers/types';
import { KNOWN_MINIVOICE_TYPES, minivoiceEvent } from './schema';

const EVENT_STATUS: Record<string, CallStatus> = {
  'call.answered': 'in_progress',
  'call.completed': 'completed',
  'call.failed': 'failed',
  'call.canceled': 'canceled',
};

const CALL_STATUS: Record<string, CallStatus> = {
  dialing: 'queued',
  queued: 'queued',
  ringing: 'queued',
  in_progress: 'in_progress',
  answered: 'in_progress',
  completed: 'completed',
  failed: 'failed',
  busy: 'busy',
  no_answer: 'no_answer',
  canceled: 'canceled',
};

/**
 * Where a recording event puts the file: the docs show the recording object's `file_url`;
 * whether it sits in `data` directly or under `data.recording` is not documented, so both.
 */
function recordingUrl(data: Record<string, unknown> | null | undefined): string | undefined {
  const nested = data?.recording as Record<string, unknown> | undefined;
  const url = [data?.file_url, data?.recording_url, nested?.file_url, nested?.url].find((v): v is string => typeof v === 'string' && v.length > 0);
  return url;
}

/** Gathered digits become a call variable, so the call shows what the caller keyed in. */
function gathered(data: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
  return typeof data?.digits === 'string' ? { gathered_digits: data.digits } : undefined;
}

export function normalizeMiniVoice(body: unknown): NormalizedEvent {
  const e = minivoiceEvent.parse(body);
  const { call } = e;
  // `data.event_key` is MiniVoice's own "<call_id>:<event>" identity; older events may lack it.
  // MiniVoice tells receivers to "store events by call ID and event name", so a key that names
  // another call (reused or copied by mistake) is scoped to the call the event is for: the event
  // is that call's, not a duplicate of the other call's (which would leave this call empty).
  const ownKey = typeof e.data?.event_key === 'string' && e.data.event_key ? e.data.event_key : `${call.id}:${e.event}`;
  const eventKey = ownKey.startsWith(`${call.id}:`) ? ownKey : `${call.id}|${ownKey}`;
  const direction = call.direction ?? undefined;
  const customerNumber = direction === 'inbound' ? call.from : direction === 'outbound' ? call.to : undefined;
  const at = toIso(e.created_at);
  const status = EVENT_STATUS[e.event] ?? (e.event === 'call.created' ? (statusFrom(CALL_STATUS, call.status) ?? 'queued') : undefined);
  return {
    dedupeKey: eventKey,
    type: e.event,
    known: KNOWN_MINIVOICE_TYPES.has(e.event),
    providerCallId: call.id,
    occurredAt: at ?? null,
    facts: facts({
      status,
      providerStatus: call.status,
      direction,
      fromNumber: call.from,
      toNumber: call.to,
      customerNumber,
      applicationId: call.application_id,
      metadata: compact({
        customer_id: call.customer_id,
        provider_call_id: call.provider_call_id,
        route_mode: call.route_mode,
        routing_target: call.routing_target,
      }),
      variables: { ...e.variables, ...(e.event === 'call.gathered' ? gathered(e.data) : undefined) },
      recordingUrl: e.event === 'recording.completed' ? recordingUrl(e.data) : undefined,
      endReason: e.event === 'call.failed' && typeof e.data?.reason === 'string' ? e.data.reason : undefined,
      // A call that is already in progress when created (the seed's example) started then.
      startedAt: e.event === 'call.answered' || status === 'in_progress' ? at : undefined,
      endedAt: status === 'completed' || status === 'failed' || status === 'canceled' ? at : undefined,
    }),
  };
}
