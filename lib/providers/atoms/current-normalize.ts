import { facts, toIso } from '@/lib/providers/common';
import type { CallFacts, CallStatus, NormalizedEvent, TranscriptTurn } from '@/lib/providers/types';
import { type AtomsCurrentEvent, atomsCurrentEvent } from './current-schema';

const STATUS: Record<string, CallStatus> = {
  completed: 'completed',
  'no-answer': 'no_answer',
  no_answer: 'no_answer',
  busy: 'busy',
  failed: 'failed',
  canceled: 'canceled',
  cancelled: 'canceled',
};

const KNOWN = new Set(['pre-conversation', 'post-conversation', 'analytics-completed']);

/**
 * Seconds, as documented. Older payloads sent a string ("30") or, in analytics, milliseconds
 * (180000); when the answer and end times are known, whichever reading fits them wins.
 */
export function callDurationSeconds(raw: number | string | null | undefined, answerTime?: string | null, endTime?: string | null): number | undefined {
  if (raw === null || raw === undefined) return undefined;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (!Number.isFinite(value)) return undefined;
  const start = answerTime ? Date.parse(answerTime) : NaN;
  const end = endTime ? Date.parse(endTime) : NaN;
  if (Number.isFinite(start) && Number.isFinite(end)) {
    const actual = (end - start) / 1000;
    return Math.abs(value / 1000 - actual) < Math.abs(value - actual) ? value / 1000 : value;
  }
  return value;
}

function turns(list: NonNullable<AtomsCurrentEvent['metadata']['transcript']>): TranscriptTurn[] {
  return list.map((t) => ({ role: t.role === 'agent' || t.role === 'assistant' ? 'agent' : 'customer', text: t.content, at: toIso(t.timestamp) ?? null }));
}

function analyticsFacts(a: NonNullable<AtomsCurrentEvent['metadata']['analytics']>): CallFacts {
  const metrics: Record<string, unknown> = {};
  for (const m of a.dispositionMetrics ?? []) if (m.identifier) metrics[m.identifier] = m.value;
  const success = (a.successMetrics ?? []).filter((m) => typeof m.value === 'boolean');
  for (const [i, m] of (a.successMetrics ?? []).entries()) metrics[m.identifier ?? m.successMetricPrompt ?? `success_${i + 1}`] = m.value;
  return facts({
    summary: a.summary,
    metrics: Object.keys(metrics).length > 0 ? metrics : undefined,
    success: success.length > 0 ? success.every((m) => m.value === true) : undefined,
  });
}

export function normalizeAtomsCurrent(body: unknown): NormalizedEvent {
  const e = atomsCurrentEvent.parse(body);
  const m = e.metadata;
  const type = m.eventType;
  const cd = m.callData;
  const outbound = m.conversationType === 'telephonyOutbound' || cd?.callDirection === 'telephony_outbound';
  const inbound = m.conversationType === 'telephonyInbound' || cd?.callDirection === 'telephony_inbound';
  const direction = outbound ? 'outbound' : inbound ? 'inbound' : undefined;
  // pre-conversation names the numbers toPhone/fromPhone; the others use callData.
  const from = m.fromPhone ?? cd?.fromNumber;
  const to = m.toPhone ?? cd?.toNumber;
  const status = type === 'pre-conversation' ? 'in_progress' : cd?.callStatus ? STATUS[cd.callStatus.toLowerCase()] : undefined;
  return {
    // Atoms never retries, and `id` names a delivery; call + event type names the event (spec §3.3).
    dedupeKey: m.callId ? `${m.callId}:${type}` : `delivery:${e.id}`,
    type,
    known: KNOWN.has(type),
    providerCallId: m.callId ?? null,
    occurredAt: toIso(cd?.endTime) ?? null,
    facts: facts({
      status,
      providerStatus: type === 'pre-conversation' ? 'started' : cd?.callStatus,
      direction,
      fromNumber: from,
      toNumber: to,
      customerNumber: direction === 'inbound' ? from : to,
      agentId: m.agentId,
      startedAt: toIso(cd?.answerTime),
      endedAt: toIso(cd?.endTime),
      durationSeconds: callDurationSeconds(cd?.callDuration, cd?.answerTime, cd?.endTime),
      recordingUrl: m.recordingUrl,
      transcript: m.transcript?.length ? turns(m.transcript) : undefined,
      variables: m.variables,
      ...(m.analytics ? analyticsFacts(m.analytics) : {}),
    }),
  };
}
