import 'server-only';
import { breakdownKeysSchema, DEFAULT_BREAKDOWN_KEYS } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/auth/actor';
import { BREAKDOWN_KEYS, readKeys } from '@/lib/queries/admin/settings';
import { setRollupKeys } from '@/lib/queries/analytics/rollups';
import { type SettingChange, writeSetting } from './write-setting';

export type BreakdownKeysChange = SettingChange<string[]>;

/**
 * Sets the breakdown keys (validated by breakdownKeysSchema; an empty list is none). The rollup
 * counting credits by key moves to the new keys before the change commits: the rows of dropped
 * keys go, added keys are counted from call (seconds at a million calls per pass).
 */
export async function setBreakdownKeys(actor: Actor, keys: string[], ip: string | null = null): Promise<BreakdownKeysChange> {
  const parsed = breakdownKeysSchema.parse(keys);
  return writeSetting(actor, BREAKDOWN_KEYS, parsed, readKeys, 'breakdownKeys', ip, (client, value) =>
    setRollupKeys(client, value ?? [...DEFAULT_BREAKDOWN_KEYS]),
  );
}
