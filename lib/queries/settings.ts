import 'server-only';
import { breakdownKeysSchema, DEFAULT_BREAKDOWN_KEYS } from '@/lib/analytics/schema';
import { writeAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/auth/actor';
import { pool, type Queryable, transaction } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { isTimeZone } from '@/lib/time-zone';
import { DEFAULT_ROLLUP_ZONE, rebuildRollups, setRollupKeys } from './analytics-rollups';

// Team-wide settings. The time zone is the team's day: presets ("today"), CSV times and every
// date on screen use it; unset means each person sees their browser's zone. The low-balance
// threshold turns on the banner across the dashboard. The breakdown keys are the metadata keys
// whose credits the analytics rollups count (campaign and store until set).

const TIME_ZONE = 'time_zone';
const LOW_BALANCE_THRESHOLD = 'low_balance_threshold';
const BREAKDOWN_KEYS = 'breakdown_keys';

export interface TimeZoneSetting {
  timeZone: string | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

interface StoredSetting {
  value: unknown;
  updatedAt: Date | null;
  updatedBy: string | null;
}

async function readSetting(key: string): Promise<StoredSetting | undefined> {
  const { rows } = await pool().query<{ value: unknown; updated_at: Date; updated_by: string | null }>(
    'SELECT value, updated_at, updated_by FROM team_setting WHERE key = $1',
    [key],
  );
  const row = rows[0];
  return row && { value: row.value, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export interface SettingChange<T> {
  before: T | null;
  after: T | null;
  changed: boolean;
}

/**
 * Sets one team setting (null clears it), audited in the same transaction. The row is locked
 * first, so two admins saving at once each audit a true before/after.
 */
async function writeSetting<T extends string | number | string[]>(
  actor: Actor,
  key: string,
  value: T | null,
  read: (stored: unknown) => T | null,
  /** The name the audit entry uses for the value (its before/after). */
  field: string,
  ip: string | null,
  /** What else must change with the value, in the same transaction (only when it changed). */
  onChange?: (client: Queryable, value: T | null) => Promise<void>,
): Promise<SettingChange<T>> {
  assertCan(actor, 'settings:manage');
  return transaction(async (client) => {
    const { rows } = await client.query<{ value: unknown }>('SELECT value FROM team_setting WHERE key = $1 FOR UPDATE', [key]);
    const before = rows[0] ? read(rows[0].value) : null;
    // JSON, as stored: a list is the same value when it has the same keys in the same order.
    if (JSON.stringify(before) === JSON.stringify(value)) return { before, after: value, changed: false };
    if (value === null) {
      await client.query('DELETE FROM team_setting WHERE key = $1', [key]);
    } else {
      await client.query(
        `INSERT INTO team_setting (key, value, updated_at, updated_by) VALUES ($1, $2::jsonb, now(), $3)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [key, JSON.stringify(value), actor.email],
      );
    }
    await onChange?.(client, value);
    await writeAudit(client, {
      actorId: actor.userId, actorEmail: actor.email, action: 'setting_changed', targetType: 'team_setting', targetId: key,
      before: { [field]: before }, after: { [field]: value }, ip,
    });
    return { before, after: value, changed: true };
  });
}

// A zone this runtime no longer knows would break every date; treat it as unset.
const readTimeZone = (v: unknown) => (typeof v === 'string' && isTimeZone(v) ? v : null);
const readThreshold = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Whoever may read calls may read it: it only says how their dates are shown. */
export async function getTimeZoneSetting(actor: Actor): Promise<TimeZoneSetting> {
  assertCan(actor, 'calls:read');
  const row = await readSetting(TIME_ZONE);
  return { timeZone: readTimeZone(row?.value), updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
}

export async function getTeamTimeZone(actor: Actor): Promise<string | null> {
  return (await getTimeZoneSetting(actor)).timeZone;
}

export type TimeZoneChange = SettingChange<string>;

/**
 * Sets the team's zone (null: back to each browser's). The analytics rollups count days in the
 * team's zone (UTC when unset), so they are rebuilt in the new one before the change commits.
 */
export async function setTeamTimeZone(actor: Actor, timeZone: string | null, ip: string | null = null): Promise<TimeZoneChange> {
  if (timeZone !== null && !isTimeZone(timeZone)) throw new AppError(400, 'invalid_time_zone', `${timeZone} is not a time zone`);
  return writeSetting(actor, TIME_ZONE, timeZone, readTimeZone, 'timeZone', ip, (client, zone) => rebuildRollups(client, zone ?? DEFAULT_ROLLUP_ZONE));
}

/** The low-balance threshold in credits, or null when none is set. */
export async function getLowBalanceThreshold(actor: Actor): Promise<number | null> {
  assertCan(actor, 'calls:read');
  return readThreshold((await readSetting(LOW_BALANCE_THRESHOLD))?.value);
}

/** Sets (or, with null, clears) the low-balance threshold. */
export async function setLowBalanceThreshold(actor: Actor, threshold: number | null, ip: string | null = null): Promise<void> {
  await writeSetting(actor, LOW_BALANCE_THRESHOLD, threshold, readThreshold, 'threshold', ip);
}

export interface BreakdownKeysSetting {
  keys: string[];
  /** Never set: the keys are DEFAULT_BREAKDOWN_KEYS. */
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

const readKeys = (v: unknown) => {
  const parsed = breakdownKeysSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/** The metadata keys credits are precomputed by; whoever reads calls may see them. */
export async function getBreakdownKeys(actor: Actor): Promise<BreakdownKeysSetting> {
  assertCan(actor, 'calls:read');
  const row = await readSetting(BREAKDOWN_KEYS);
  const keys = readKeys(row?.value);
  return { keys: keys ?? [...DEFAULT_BREAKDOWN_KEYS], isDefault: keys === null, updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
}

export type BreakdownKeysChange = SettingChange<string[]>;

/**
 * Sets the breakdown keys (validated by breakdownKeysSchema; an empty list is none). The rollup
 * counting credits by key moves to the new keys before the change commits: the rows of dropped
 * keys go, added keys are counted from call (seconds at a million calls per pass).
 */
export async function setBreakdownKeys(actor: Actor, keys: string[], ip: string | null = null): Promise<BreakdownKeysChange> {
  const parsed = breakdownKeysSchema.parse(keys);
  return writeSetting(actor, BREAKDOWN_KEYS, parsed, readKeys, 'breakdownKeys', ip, (client, value) => setRollupKeys(client, value ?? [...DEFAULT_BREAKDOWN_KEYS]));
}
