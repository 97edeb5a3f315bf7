import { atoms } from './atoms';
import { minivoice } from './minivoice';
import { mirai } from './mirai';
import { miraiV2 } from './mirai-v2';
import type { ProviderDefinition } from './types';

/** Every provider Callboard speaks, by id. Adding one: a folder beside this file and a line here. */
export const PROVIDERS: Readonly<Record<string, ProviderDefinition>> = Object.fromEntries(
  [mirai, miraiV2, minivoice, atoms].map((p) => [p.id, p]),
);

export function providerById(id: string): ProviderDefinition | undefined {
  return PROVIDERS[id];
}
