import 'server-only';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { isTimeZone } from '@/lib/time-zone';
import { withTransaction } from './transaction';

// Team-wide settings. The time zone is the team's day: presets ("today"), CSV times and every
// date on screen use it. Unset means each person sees their browser's zone.

const TIME_ZONE = 'time_zone';

export interface TimeZoneSetting {
  timeZone: string | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Whoever may read calls may read it: it only says how their dates are shown. */
export async function getTimeZoneSetting(actor: Actor): Promise<TimeZoneSetting> {
  assertCan(actor, 'calls:read');
  const { rows } = await pool().query<{ value: unknown; updated_at: Date; updated_by: string | null }>(
    'SELECT value, updated_at, updated_by FROM team_setting WHERE key = $1',
    [TIME_ZONE],
  );
  const row = rows[0];
  // A zone this runtime no longer knows would break every date; treat it as unset.
  const timeZone = typeof row?.value === 'string' && isTimeZone(row.value) ? row.value : null;
  return { timeZone, updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
}

export async function getTeamTimeZone(actor: Actor): Promise<string | null> {
  return (await getTimeZoneSetting(actor)).timeZone;
}

export interface TimeZoneChange {
  before: string | null;
  after: string | null;
  changed: boolean;
}

/** Sets the team's zone (null: back to each browser's), audited in the same transaction. */
export async function setTeamTimeZone(actor: Actor, timeZone: string | null, ip: string | null = null): Promise<TimeZoneChange> {
  assertCan(actor, 'settings:manage');
  if (timeZone !== null && !isTimeZone(timeZone)) throw new AppError(400, 'invalid_time_zone', `${timeZone} is not a time zone`);
  return withTransaction(async (client) => {
    // Lock the row (when there is one) so two admins saving at once audit a true before/after.
    const { rows } = await client.query<{ value: unknown }>('SELECT value FROM team_setting WHERE key = $1 FOR UPDATE', [TIME_ZONE]);
    const before = typeof rows[0]?.value === 'string' ? rows[0].value : null;
    if (before === timeZone) return { before, after: timeZone, changed: false };
    if (timeZone === null) {
      await client.query('DELETE FROM team_setting WHERE key = $1', [TIME_ZONE]);
    } else {
      await client.query(
        `INSERT INTO team_setting (key, value, updated_at, updated_by) VALUES ($1, $2::jsonb, now(), $3)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [TIME_ZONE, JSON.stringify(timeZone), actor.email],
      );
    }
    await writeAudit(client, {
      actorId: actor.userId, actorEmail: actor.email, action: 'setting_changed', targetType: 'team_setting', targetId: TIME_ZONE,
      before: { timeZone: before }, after: { timeZone }, ip,
    });
    return { before, after: timeZone, changed: true };
  });
}
