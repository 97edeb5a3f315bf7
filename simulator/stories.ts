import { atomsStory } from '@/lib/providers/atoms/simulate';
import { atomsCurrentStory } from '@/lib/providers/atoms/simulate-current';
import { miniVoiceStory } from '@/lib/providers/minivoice/simulate';
import { miraiStory } from '@/lib/providers/mirai/simulate';
import { miraiV2Story } from '@/lib/providers/mirai-v2/simulate';
import type { SimStory } from '@/lib/providers/simulate';

// Every story the simulator can tell, each from its provider's folder (lib/providers/<name>/simulate.ts).
// A new provider's story is one entry in PATTERN.

/**
 * One round of a run, in the order calls are dealt. Mirai carries the richest lifecycle, so it
 * gets half the calls. The newer dialects come last, so runs without them draw exactly the
 * calls they drew before they existed.
 */
export const PATTERN: readonly SimStory[] = [miraiStory, miniVoiceStory, miraiStory, atomsStory, miraiV2Story, atomsCurrentStory];

/** Each story once, in the order of its first place in PATTERN. */
export const STORIES: readonly SimStory[] = [...new Set(PATTERN)];

export function storyById(id: string): SimStory | undefined {
  return STORIES.find((s) => s.id === id);
}

/** The story that signs for an endpoint (the first of that provider's dialects). */
export function storyForEndpoint(endpoint: string): SimStory | undefined {
  return STORIES.find((s) => s.endpoint === endpoint);
}
