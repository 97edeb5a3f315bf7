import { storyById, storyForEndpoint } from './stories';
import type { SimCall } from './types';

// What Callboard should show for a generated call once all its events are in, in any order and
// with any duplicates: written from the providers' specs, so --check is an independent test of
// the fold rather than a copy of it.

export interface ExpectedCall {
  provider: string;
  providerCallId: string;
  status: string;
  /** Dial attempts: a re-attempt after busy or no answer counts again. */
  attempts: number;
  /** Distinct events: a byte-identical re-delivery is one stored event. */
  events: number;
  actions: number;
}

export function expectedOf(call: SimCall): ExpectedCall {
  const distinct = [...new Map(call.events.map((e) => [JSON.stringify(e), e])).values()];
  const story = storyById(call.dialect ?? call.provider) ?? storyForEndpoint(call.provider);
  if (!story) throw new Error(`no simulator story for ${call.dialect ?? call.provider}`);
  const status = story.finalStatus[call.outcome];
  if (!status) throw new Error(`${story.id} has no final status for outcome ${call.outcome}`);
  return {
    provider: call.provider,
    providerCallId: call.providerCallId,
    status,
    // Dial attempts: the story reads them from its provider's report; one when it has none.
    attempts: story.attemptsOf?.(distinct) ?? 1,
    events: distinct.length,
    actions: story.isAction ? distinct.filter((e) => story.isAction!(e)).length : 0,
  };
}
