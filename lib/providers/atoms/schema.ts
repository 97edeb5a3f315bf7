import { z } from 'zod';
import { isoDate, jsonObject, numeric } from '@/lib/providers/common';

// Smallest.ai Atoms, the seed's event-payloads page (shared/seeds/004): flat events
// `call.start`, `call.end`, `analytics.completed` sharing {event, timestamp, agent_id, call_id}.

const base = {
  timestamp: isoDate,
  agent_id: z.string().min(1),
  call_id: z.string().min(1),
};

const transcriptTurn = z.object({
  role: z.string().min(1),
  content: z.string(),
  // The seed's own example puts "..." here: keep the turn, drop a time we cannot read.
  timestamp: z.string().nullish(),
});

export const atomsCallStart = z.object({
  ...base,
  event: z.literal('call.start'),
  call_direction: z.enum(['inbound', 'outbound']).nullish(),
  caller_phone: z.string().nullish(),
  agent_phone: z.string().nullish(),
});

export const atomsCallEnd = z.object({
  ...base,
  event: z.literal('call.end'),
  duration_seconds: numeric(z.number().nonnegative()).nullish(),
  disposition: z.string().nullish(),
  transcript: z.array(transcriptTurn).nullish(),
  variables: jsonObject.nullish(),
});

export const atomsAnalytics = z.object({
  ...base,
  event: z.literal('analytics.completed'),
  metrics: jsonObject.nullish(),
});

const atomsKnown = z.discriminatedUnion('event', [atomsCallStart, atomsCallEnd, atomsAnalytics]);

const atomsUnknown = z.object({ ...base, event: z.string().min(1) });

export const KNOWN_ATOMS_TYPES: ReadonlySet<string> = new Set(['call.start', 'call.end', 'analytics.completed']);

export type AtomsSeedEvent = z.infer<typeof atomsKnown> | (z.infer<typeof atomsUnknown> & { unknown: true });

/** Parses a seed-format Atoms body. Throws ZodError. */
export function parseAtomsSeedEvent(body: unknown): AtomsSeedEvent {
  const envelope = atomsUnknown.parse(body);
  if (KNOWN_ATOMS_TYPES.has(envelope.event)) return atomsKnown.parse(body);
  return { ...envelope, unknown: true };
}
