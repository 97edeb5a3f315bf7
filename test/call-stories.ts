import type { TimelineEvent } from '@/lib/calls/timeline';
import { providerById } from '@/lib/providers/registry';
import { CALL_STATUSES, type CallStatus } from '@/lib/providers/types';
import type { SignableProvider } from '@/simulator/sign';
import { fixture } from './fixtures';

// Whole call lifecycles built from the providers' example payloads, as webhook bodies in the
// order they arrive. Unit tests normalize them in memory; integration tests post them through
// the real routes. Each takes the call id, so parallel tests never share a call.

export interface Story {
  provider: SignableProvider;
  callId: string;
  /** Bodies in arrival order; a repeated body is a repeated delivery. */
  bodies: object[];
}

interface MiraiCall {
  id: string;
  status?: string;
  [key: string]: unknown;
}
interface MiraiBody {
  metadata?: Record<string, unknown>;
  event: { type: string; data: { call?: MiraiCall; [key: string]: unknown } };
}
interface MiraiV2Body {
  id: string;
  type: string;
  created_at: string;
  data: { call: { id: string; status: string; to?: string; [key: string]: unknown } };
}
interface MiniVoiceBody {
  event: string;
  created_at: string;
  call: { id: string; status: string; from: string; to: string; [key: string]: unknown };
  data: Record<string, unknown>;
}
interface AtomsSeedBody {
  event: string;
  timestamp: string;
  call_id: string;
  [key: string]: unknown;
}
interface AtomsCurrentBody {
  id: string;
  metadata: { callId: string; toPhone?: string; callData?: { toNumber?: string }; [key: string]: unknown };
}

/** A Mirai v1 fixture moved onto `callId`. */
function miraiFixture(name: string, callId: string): MiraiBody {
  const body = fixture<MiraiBody>('mirai', name);
  if (body.event.data.call) body.event.data.call.id = callId;
  return body;
}

function miraiEvent(callId: string, type: string, call: Omit<MiraiCall, 'id'> = {}): MiraiBody {
  return {
    metadata: { customer_id: '12345', order_ref: 'ORD-001' },
    event: { type, data: { call: { id: callId, status: type.slice('call.'.length), ...call } } },
  };
}

/** No answer, a reschedule, then a second attempt that connects and completes (Mirai v1). */
export function miraiRescheduled(callId: string): Story {
  const initiate = miraiEvent(callId, 'call.initiate');
  const endOfCall = miraiFixture('end-of-call.json', callId);
  endOfCall.event.data.report = { reAttemptCount: 0, rescheduledCount: 1 };
  const ended = miraiFixture('lifecycle-ended.json', callId);
  ended.event.data.report = { reAttemptCount: 0, rescheduledCount: 1, finalStatus: 'completed' };
  return {
    provider: 'mirai',
    callId,
    bodies: [
      initiate,
      miraiEvent(callId, 'call.no-answer'),
      miraiEvent(callId, 'call.rescheduled'),
      // v1 events carry no time: the second attempt's initiate is byte-identical to the first.
      initiate,
      miraiEvent(callId, 'call.in-progress', { startedAt: '2023-10-27T10:00:00Z' }),
      miraiEvent(callId, 'call.ended', { startedAt: '2023-10-27T10:00:00Z', endedAt: '2023-10-27T10:02:30Z' }),
      miraiFixture('call-completed.json', callId),
      endOfCall,
      ended,
    ],
  };
}

/** Busy, rescheduled, busy again (its end time tells it apart); lifecycle-ended never came. */
export function miraiBusyNoClose(callId: string): Story {
  const initiate = miraiEvent(callId, 'call.initiate');
  const again = miraiEvent(callId, 'call.busy', { endedAt: '2023-10-27T10:30:00Z' });
  return { provider: 'mirai', callId, bodies: [initiate, miraiEvent(callId, 'call.busy'), miraiEvent(callId, 'call.rescheduled'), initiate, again] };
}

function v2(name: string, callId: string, eventId: string, edit: (body: MiraiV2Body) => void = () => {}): MiraiV2Body {
  const body = fixture<MiraiV2Body>('mirai-v2', name);
  body.id = eventId;
  body.data.call.id = callId;
  edit(body);
  return body;
}

/** Mirai v2: a retried call.started that arrives after call.completed, then call.processed. */
export function miraiV2StartedLate(callId: string): Story {
  const started = v2('call-completed.json', callId, `${callId}_started`, (b) => {
    b.type = 'call.started';
    b.created_at = '2026-07-26T09:15:02Z';
    b.data.call.status = 'in_progress';
  });
  return {
    provider: 'mirai-v2',
    callId,
    bodies: [v2('call-completed.json', callId, `${callId}_completed`), started, v2('call-processed.json', callId, `${callId}_processed`)],
  };
}

/** MiniVoice: created already in progress, then completed (seed example), on `number`. */
export function miniVoiceCompleted(callId: string, number = '+15551230002'): Story {
  const created = fixture<MiniVoiceBody>('minivoice', 'call-created.json');
  created.call.id = callId;
  created.call.to = number;
  created.data.event_key = `${callId}:call.created`;
  const completed = fixture<MiniVoiceBody>('minivoice', 'call-completed.json');
  Object.assign(completed.call, { id: callId, direction: 'outbound', to: number });
  return { provider: 'minivoice', callId, bodies: [created, completed] };
}

/** Atoms seed format: call.start, call.end (with its transcript), analytics.completed. */
export function atomsSeed(callId: string): Story {
  const bodies = ['call-start.json', 'call-end.json', 'analytics-completed.json'].map((name) => ({
    ...fixture<AtomsSeedBody>('atoms', name),
    call_id: callId,
  }));
  return { provider: 'atoms', callId, bodies };
}

/** Atoms' current envelope: pre-, post-conversation (transcript, recording), analytics; or without the last. */
export function atomsCurrent(callId: string, opts: { analytics?: boolean } = {}): Story {
  const names = ['pre-conversation.json', 'post-conversation.json', ...(opts.analytics === false ? [] : ['analytics-completed-canonical.json'])];
  const bodies = names.map((name) => {
    const body = fixture<AtomsCurrentBody>('atoms', name);
    body.metadata.callId = callId;
    body.id = `${callId}_${name}`;
    return body;
  });
  return { provider: 'atoms', callId, bodies };
}

function isStatus(value: unknown): value is CallStatus {
  return typeof value === 'string' && (CALL_STATUSES as readonly string[]).includes(value);
}

/**
 * What the database keeps of a story: the first copy of each dedupe key, later copies counted
 * as duplicates, received one second apart from `start`.
 */
export function storedEvents(story: Story, start = Date.UTC(2026, 10, 1, 12, 0, 0)): TimelineEvent[] {
  const provider = providerById(story.provider);
  if (!provider) throw new Error(`unknown provider ${story.provider}`);
  const byKey = new Map<string, TimelineEvent>();
  story.bodies.forEach((body, i) => {
    const e = provider.normalize(JSON.parse(JSON.stringify(body)));
    const seen = byKey.get(e.dedupeKey);
    if (seen) {
      seen.duplicateCount++;
      return;
    }
    byKey.set(e.dedupeKey, {
      id: e.dedupeKey,
      type: e.type,
      occurredAt: e.occurredAt ? new Date(e.occurredAt) : null,
      receivedAt: new Date(start + i * 1000),
      duplicateCount: 0,
      status: isStatus(e.facts.status) ? e.facts.status : null,
      reschedule: e.facts.reschedule === true,
    });
  });
  return [...byKey.values()];
}
