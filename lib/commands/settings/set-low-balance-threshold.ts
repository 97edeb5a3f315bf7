import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { LOW_BALANCE_THRESHOLD, readThreshold } from '@/lib/queries/admin/settings';
import { writeSetting } from './write-setting';

/** Sets (or, with null, clears) the low-balance threshold. */
export async function setLowBalanceThreshold(actor: Actor, threshold: number | null, ip: string | null = null): Promise<void> {
  await writeSetting(actor, LOW_BALANCE_THRESHOLD, threshold, readThreshold, 'threshold', ip);
}
