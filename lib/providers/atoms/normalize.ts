import { facts, toIso } from '@/lib/providers/common';
import type { CallFacts, NormalizedEvent, TranscriptTurn } from '@/lib/providers/types';
import { normalizeAtomsCurrent } from './current-normalize';
import { isCurrentFormat } from './current-schema';
import { type AtomsSeedEvent, parseAtomsSeedEvent } from './schema';

function turns(transcript: { role: string; content: string; timestamp?: string | null }[]): TranscriptTurn[] {
  return transcript.map((turn) => ({
    role: turn.role === 'agent' || turn.role === 'assistant' ? 'agent' : 'customer',
    text: turn.content,
    at: toIso(turn.timestamp) ?? null,
  }));
}

function seedFacts(e: AtomsSeedEvent, at: string | undefined): CallFacts {
  const common = { agentId: e.agent_id };
  if ('unknown' in e) return facts(common);
  switch (e.event) {
    case 'call.start': {
      const direction = e.call_direction ?? undefined;
      // The caller is the customer; the agent's number is the other end, whichever way it rang.
      const [from, to] = direction === 'outbound' ? [e.agent_phone, e.caller_phone] : [e.caller_phone, e.agent_phone];
      return facts({
        ...common,
        status: 'in_progress',
        providerStatus: 'started',
        direction,
        fromNumber: from,
        toNumber: to,
        customerNumber: e.caller_phone,
        startedAt: at,
      });
    }
    case 'call.end':
      return facts({
        ...common,
        status: 'completed',
        providerStatus: 'ended',
        endedAt: at,
        durationSeconds: e.duration_seconds,
        disposition: e.disposition,
        transcript: e.transcript ? turns(e.transcript) : undefined,
        variables: e.variables,
      });
    case 'analytics.completed':
      return facts({ ...common, metrics: e.metrics });
  }
}

/** One endpoint, two dialects, told apart by shape: the current envelope, or the seed's flat events. */
export function normalizeAtoms(body: unknown): NormalizedEvent {
  if (isCurrentFormat(body)) return normalizeAtomsCurrent(body);
  const e = parseAtomsSeedEvent(body);
  const at = toIso(e.timestamp);
  return {
    // The seed format has no event id; call, event and time identify one event.
    dedupeKey: `${e.call_id}:${e.event}:${e.timestamp}`,
    type: e.event,
    known: !('unknown' in e),
    providerCallId: e.call_id,
    occurredAt: at ?? null,
    facts: seedFacts(e, at),
  };
}
