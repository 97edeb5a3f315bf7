import { compact, facts, statusFrom, toIso } from '@/lib/providers/common';
import type { CallFacts, CallStatus, NormalizedEvent, TranscriptTurn } from '@/lib/providers/types';
import { MIRAI_V2_CALL_TYPES, MIRAI_V2_CAMPAIGN_TYPES, type MiraiV2Event, miraiV2Event } from './schema';

const STATUS: Record<string, CallStatus> = {
  queued: 'queued',
  dialing: 'queued',
  in_progress: 'in_progress',
  completed: 'completed',
  voicemail: 'voicemail',
  no_answer: 'no_answer',
  busy: 'busy',
  failed: 'failed',
  timeout: 'timeout',
  aborted: 'canceled',
};

/** Exactly one of these ends each call (spec §1.6); later events cannot reopen it. */
const TERMINAL = new Set(['call.completed', 'call.voicemail', 'call.failed', 'call.aborted']);
const KNOWN = new Set<string>([...MIRAI_V2_CALL_TYPES, ...MIRAI_V2_CAMPAIGN_TYPES]);

function turns(e: MiraiV2Event): TranscriptTurn[] | undefined {
  const list = e.data.transcript?.turns;
  if (!list || list.length === 0) return undefined;
  return list.map((t) => ({ role: t.role === 'assistant' || t.role === 'agent' ? 'agent' : 'customer', text: t.text, at: null, startMs: t.start_ms ?? null }));
}

function callFacts(e: MiraiV2Event): CallFacts {
  const call = e.data.call;
  if (!call) return {};
  const status = statusFrom(STATUS, call.status);
  const terminal = TERMINAL.has(e.type);
  const { summary, success, ...insights } = call.analysis ?? {};
  const costInr = call.cost_inr ?? call.cost?.amount_inr ?? undefined;
  return facts({
    // call.processed repeats the terminal status; only lifecycle events move it.
    status: e.type === 'call.processed' ? undefined : status,
    providerStatus: e.type === 'call.processed' ? undefined : call.status,
    final: terminal ? true : undefined,
    finalStatus: terminal ? status : undefined,
    endReason: call.ended_reason,
    direction: 'outbound',
    toNumber: call.to,
    customerNumber: call.to,
    agentId: call.agent_id,
    metadata: call.metadata ?? undefined,
    startedAt: toIso(call.started_at),
    endedAt: toIso(call.ended_at),
    durationSeconds: call.duration_secs,
    recordingUrl: call.recording_url,
    transcript: turns(e),
    summary: typeof summary === 'string' ? summary : undefined,
    success: typeof success === 'boolean' ? success : undefined,
    insights: Object.keys(insights).length > 0 ? insights : undefined,
    cost: costInr === undefined || costInr === null ? undefined : { amount: costInr, currency: 'INR' },
  });
}

export function normalizeMiraiV2(body: unknown): NormalizedEvent {
  const e = miraiV2Event.parse(body);
  const campaign = e.data.campaign;
  return {
    // `id` (evt_<ulid>) is reused by every retry of the same event.
    dedupeKey: e.id,
    type: e.type,
    known: KNOWN.has(e.type),
    providerCallId: e.data.call?.id ?? null,
    occurredAt: toIso(e.created_at) ?? null,
    facts: callFacts(e),
    campaign: campaign ? { id: campaign.id, ...compact({ name: campaign.name, status: campaign.status }) } : undefined,
  };
}
