import 'server-only';
import { ALERT_RULES_KEY, type AlertRulesSettings, DEFAULT_ALERT_RULES, readAlertRules } from '@/lib/alerts/rules';
import { type Actor, assertCan } from '@/lib/auth/actor';
import { pool, type Queryable } from '@/lib/db';
import { LOW_BALANCE_THRESHOLD, readThreshold, readTimeZone, TIME_ZONE } from '../admin/settings';

export interface AlertRulesSetting {
  rules: AlertRulesSettings;
  defaults: AlertRulesSettings;
  /** Never saved: every rule has its default. */
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
  /** The low-balance threshold low_credits uses (its own setting, on Analytics). */
  lowBalanceThreshold: number | null;
}

/** The alert rules as saved (defaults filled in). Approvers and admins may read them; admins change them. */
export async function getAlertRules(actor: Actor, db: Queryable = pool()): Promise<AlertRulesSetting> {
  assertCan(actor, 'actions:decide');
  const { rows } = await db.query<{ key: string; value: unknown; updated_at: Date; updated_by: string | null }>(
    'SELECT key, value, updated_at, updated_by FROM team_setting WHERE key = ANY($1::text[])',
    [[ALERT_RULES_KEY, LOW_BALANCE_THRESHOLD]],
  );
  const saved = rows.find((r) => r.key === ALERT_RULES_KEY);
  return {
    rules: readAlertRules(saved?.value),
    defaults: DEFAULT_ALERT_RULES,
    isDefault: !saved,
    updatedAt: saved?.updated_at ?? null,
    updatedBy: saved?.updated_by ?? null,
    lowBalanceThreshold: readThreshold(rows.find((r) => r.key === LOW_BALANCE_THRESHOLD)?.value),
  };
}

/** What an evaluation needs from the settings, in one read (no actor: the cron and the after-write evaluation run as nobody). */
export async function alertSettings(db: Queryable): Promise<{ rules: AlertRulesSettings; lowBalanceThreshold: number | null; timeZone: string | null }> {
  const { rows } = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM team_setting WHERE key = ANY($1::text[])', [
    [ALERT_RULES_KEY, LOW_BALANCE_THRESHOLD, TIME_ZONE],
  ]);
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  return {
    rules: readAlertRules(value(ALERT_RULES_KEY)),
    lowBalanceThreshold: readThreshold(value(LOW_BALANCE_THRESHOLD)),
    timeZone: readTimeZone(value(TIME_ZONE)),
  };
}
