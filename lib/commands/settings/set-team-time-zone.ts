import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/http/errors';
import { readTimeZone, TIME_ZONE } from '@/lib/queries/admin/settings';
import { DEFAULT_ROLLUP_ZONE, rebuildRollups } from '@/lib/queries/analytics/rollups';
import { isTimeZone } from '@/lib/time-zone';
import { type SettingChange, writeSetting } from './write-setting';

export type TimeZoneChange = SettingChange<string>;

/**
 * Sets the team's zone (null: back to each browser's). The analytics rollups count days in the
 * team's zone (UTC when unset), so they are rebuilt in the new one before the change commits.
 */
export async function setTeamTimeZone(actor: Actor, timeZone: string | null, ip: string | null = null): Promise<TimeZoneChange> {
  if (timeZone !== null && !isTimeZone(timeZone)) throw new AppError(400, 'invalid_time_zone', `${timeZone} is not a time zone`);
  return writeSetting(actor, TIME_ZONE, timeZone, readTimeZone, 'timeZone', ip, (client, zone) => rebuildRollups(client, zone ?? DEFAULT_ROLLUP_ZONE));
}
