import { atoms } from './atoms';
import { minivoice } from './minivoice';
import { mirai } from './mirai';
import { miraiV2 } from './mirai-v2';
import type { ExpectedEventsRule, ProviderDefinition, ProviderLifecycle, ProviderNotes } from './types';

/** Every provider Callboard speaks, by id. Adding one: a folder beside this file and a line here. */
export const PROVIDERS: Readonly<Record<string, ProviderDefinition>> = Object.fromEntries([mirai, miraiV2, minivoice, atoms].map((p) => [p.id, p]));

export function providerById(id: string): ProviderDefinition | undefined {
  return PROVIDERS[id];
}

/** The provider's lifecycle; undefined for a provider Callboard does not know. */
export function lifecycleFor(provider: string): ProviderLifecycle | undefined {
  return PROVIDERS[provider]?.lifecycle;
}

const GENERIC_NOTES: ProviderNotes = {
  noDetailPage: 'This provider sent no link to its own call page.',
  noTranscript: 'This provider sent no transcript for this call.',
  noAnalysis: 'This provider sent no analysis for this call.',
};

export function providerNotes(provider: string): ProviderNotes {
  return PROVIDERS[provider]?.notes ?? GENERIC_NOTES;
}

/** What the health page expects each provider to send last, by id (providers without a rule left out). */
export const EXPECTED_EVENTS: Readonly<Record<string, ExpectedEventsRule>> = Object.fromEntries(
  Object.values(PROVIDERS).flatMap((p) => (p.expectedEvents ? [[p.id, p.expectedEvents]] : [])),
);
