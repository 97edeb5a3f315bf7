import { providerById } from '@/lib/providers/registry';
import type { NormalizedEvent } from '@/lib/providers/types';
import { parseEvent } from './parse-event';

// Reading a stored delivery again with this version's provider code, and deciding which call a
// call-less event belongs to. Pure: the database work is in reprocess-chunk.ts.

export type Renormalized = { ok: true; event: NormalizedEvent } | { ok: false; error: string };

/** The delivery's bytes read exactly as handleWebhook reads a request body (parse-event.ts). */
export function renormalize(providerId: string, body: Buffer): Renormalized {
  const provider = providerById(providerId);
  if (!provider) return { ok: false, error: `No provider "${providerId}" in this version` };
  try {
    const parsed = parseEvent(provider, body);
    return parsed.ok ? { ok: true, event: parsed.event } : { ok: false, error: parsed.message };
  } catch (error) {
    return { ok: false, error: String((error as Error).message) };
  }
}

/** A stored event as the call decision needs it. */
export interface StoredEventLink {
  /** The call it was filed under (for call-less events: the one metadata matched, or null). */
  providerCallId: string | null;
  /** The call id its own normalized body named; null means the link was decided at arrival. */
  ownProviderCallId: string | null;
}

export type CallDecision = { decided: true; providerCallId: string | null } | { decided: false };

/**
 * The provider call id an event belongs to. An event that names its call belongs to it. A
 * call-less one (a Mirai action without `call.id`) was linked by metadata against the calls
 * that existed when it arrived; that decision is history and is kept, from the stored event
 * of the same key, else from the event the delivery produced before. Only an event with no
 * such history needs a metadata lookup now (`decided: false`).
 */
export function decideCall(event: NormalizedEvent, sameKey: StoredEventLink | undefined, previous: StoredEventLink | undefined): CallDecision {
  if (event.providerCallId) return { decided: true, providerCallId: event.providerCallId };
  for (const stored of [sameKey, previous]) {
    if (stored && stored.ownProviderCallId === null) return { decided: true, providerCallId: stored.providerCallId };
  }
  return event.linkMetadata ? { decided: false } : { decided: true, providerCallId: null };
}
