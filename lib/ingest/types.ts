import type { CallFacts } from '@/lib/providers/types';

// Ingest-internal types. The provider contract (CallStatus, CallFacts, NormalizedEvent …)
// lives in lib/providers/types.ts.

/** One stored event as the fold sees it. */
export interface FoldEvent {
  dedupeKey: string;
  type: string;
  occurredAt: string | null;
  receivedAt: string;
  facts: CallFacts;
}
