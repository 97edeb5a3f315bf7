import 'server-only';
import { breakdownKeysSchema, DEFAULT_BREAKDOWN_KEYS } from '@/lib/analytics/schema';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool } from '@/lib/db';
import { isTimeZone } from '@/lib/time-zone';
import { loadWhatsappTemplates, type TemplatesSetting } from '@/lib/whatsapp/templates-store';

// Team-wide settings. The time zone is the team's day: presets ("today"), CSV times and every
// date on screen use it; unset means each person sees their browser's zone. The low-balance
// threshold turns on the banner across the dashboard. The breakdown keys are the metadata keys
// whose credits the analytics rollups count (campaign and store until set).

// Their keys in team_setting; the writes are lib/commands/settings.
export const TIME_ZONE = 'time_zone';
export const LOW_BALANCE_THRESHOLD = 'low_balance_threshold';
export const BREAKDOWN_KEYS = 'breakdown_keys';

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

// A zone this runtime no longer knows would break every date; treat it as unset.
export const readTimeZone = (v: unknown) => (typeof v === 'string' && isTimeZone(v) ? v : null);
export const readThreshold = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Whoever may read calls may read it: it only says how their dates are shown. */
export async function getTimeZoneSetting(actor: Actor): Promise<TimeZoneSetting> {
  assertCan(actor, 'calls:read');
  const row = await readSetting(TIME_ZONE);
  return { timeZone: readTimeZone(row?.value), updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
}

export async function getTeamTimeZone(actor: Actor): Promise<string | null> {
  return (await getTimeZoneSetting(actor)).timeZone;
}

/** The low-balance threshold in credits, or null when none is set. */
export async function getLowBalanceThreshold(actor: Actor): Promise<number | null> {
  assertCan(actor, 'calls:read');
  return readThreshold((await readSetting(LOW_BALANCE_THRESHOLD))?.value);
}

export interface BreakdownKeysSetting {
  keys: string[];
  /** Never set: the keys are DEFAULT_BREAKDOWN_KEYS. */
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const readKeys = (v: unknown) => {
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

/**
 * The team's WhatsApp templates (saved on Settings, else seeded from WHATSAPP_TEMPLATES). Approvers
 * pick them when they send; admins set them; viewers send nothing, so they are not shown them.
 */
export async function getWhatsappTemplates(actor: Actor): Promise<TemplatesSetting> {
  assertCan(actor, 'actions:decide');
  return loadWhatsappTemplates(pool());
}
