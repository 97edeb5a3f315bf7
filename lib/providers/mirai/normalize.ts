import { actionKind, facts, statusFrom, toIso } from '@/lib/providers/common';
import { canonicalJson, sha256Hex } from '@/lib/providers/hmac';
import type { CallFacts, CallStatus, NormalizedEvent } from '@/lib/providers/types';
import { KNOWN_MIRAI_TYPES, type MiraiActionEvent, type MiraiLifecycleEvent, type MiraiSummaryEvent, parseMiraiEvent } from './schema';

// Mirai statuses (event suffixes and `call.status` values) onto the canonical set.
const STATUS: Record<string, CallStatus> = {
  initiate: 'queued',
  'in-progress': 'in_progress',
  // `ended` = the line dropped after a conversation; `completed` follows once processed.
  ended: 'completed',
  completed: 'completed',
  timeout: 'timeout',
  failed: 'failed',
  'validation-failed': 'validation_failed',
  busy: 'busy',
  'no-answer': 'no_answer',
  skip: 'skipped',
  rescheduled: 'rescheduled',
  aborted: 'canceled',
};

const END_REASON: Record<string, string> = { aborted: 'aborted', timeout: 'max_duration', skip: 'skipped' };

function callFacts(call: MiraiLifecycleEvent['event']['data']['call'] | null | undefined): CallFacts {
  if (!call) return {};
  return facts({
    startedAt: toIso(call.startedAt),
    endedAt: toIso(call.endedAt),
    durationSeconds: call.durationSeconds,
    recordingUrl: call.recordingUrl || undefined,
    detailUrl: call.detailUrl || undefined,
  });
}

function summaryFacts(data: MiraiSummaryEvent['event']['data']): CallFacts {
  const { analysis, credits, report } = data;
  return facts({
    ...callFacts(data.call),
    summary: analysis?.summary,
    success: analysis?.success,
    insights: analysis?.insights,
    outcome: analysis?.outcome,
    requiredActions: analysis?.requiredActions?.map(actionKind),
    creditsUsed: credits?.used,
    creditsAvailable: credits?.available,
    reAttemptCount: report?.reAttemptCount,
    rescheduledCount: report?.rescheduledCount,
  });
}

function actionFacts(body: MiraiActionEvent): CallFacts {
  const payload = body.event.data.payload ?? {};
  const address = payload.shippingAddress as Record<string, unknown> | undefined;
  const phone = [payload.phone, payload.number, address?.phone].find((v): v is string => typeof v === 'string' && v.length > 0);
  return facts({ actionNumber: phone });
}

export function normalizeMirai(body: unknown): NormalizedEvent {
  const parsed = parseMiraiEvent(body);
  // v1 has no event id: the hash of the canonical body is the event's identity (spec §1.3).
  const dedupeKey = `sha256:${sha256Hex(canonicalJson(body))}`;
  const metadata = parsed.body.metadata ?? undefined;
  const type = parsed.body.event.type;
  const base = {
    dedupeKey,
    type,
    known: KNOWN_MIRAI_TYPES.has(type),
    occurredAt: null,
    linkMetadata: metadata && Object.keys(metadata).length > 0 ? metadata : undefined,
  };
  // Mirai v1 calls are placed through POST /v2/call/initiate: always outbound.
  const common = { direction: 'outbound' as const, metadata };

  switch (parsed.kind) {
    case 'lifecycle': {
      const { call } = parsed.body.event.data;
      const suffix = type.slice('call.'.length);
      return {
        ...base,
        providerCallId: call.id,
        facts: facts({
          ...common,
          ...callFacts(call),
          status: STATUS[suffix],
          providerStatus: call.status ?? suffix,
          endReason: END_REASON[suffix],
          reschedule: suffix === 'rescheduled' ? true : undefined,
        }),
      };
    }
    case 'summary': {
      const { data } = parsed.body.event;
      const ended = type === 'call.lifecycle-ended';
      const statusFromCall = statusFrom(STATUS, data.call?.status);
      return {
        ...base,
        providerCallId: data.call?.id ?? null,
        facts: facts({
          ...common,
          ...summaryFacts(data),
          status: ended ? undefined : statusFromCall,
          providerStatus: ended ? (data.report?.finalStatus ?? undefined) : (data.call?.status ?? undefined),
          final: ended ? true : undefined,
          finalStatus: ended ? statusFrom(STATUS, data.report?.finalStatus) : undefined,
        }),
        credits: data.credits ? { used: data.credits.used, available: data.credits.available ?? null } : undefined,
      };
    }
    case 'action': {
      const { data } = parsed.body.event;
      return {
        ...base,
        providerCallId: data.call?.id ?? null,
        facts: facts({ ...common, ...actionFacts(parsed.body) }),
        action: { kind: actionKind(data.action), rawKind: data.action, reason: data.reason ?? null, payload: data.payload ?? {} },
      };
    }
    case 'unknown': {
      const data = parsed.body.event.data as { call?: { id?: unknown } } | undefined;
      const id = typeof data?.call?.id === 'string' ? data.call.id : null;
      return { ...base, providerCallId: id, facts: facts({ ...common }) };
    }
  }
}
