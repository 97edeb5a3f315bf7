import 'server-only';
import { ALERT_RULES_KEY, type AlertRulesSettings, alertRulesSchema, readAlertRules } from '@/lib/alerts/rules';
import type { Actor } from '@/lib/auth/actor';
import { type SettingChange, writeSetting } from '../settings/write-setting';

export type AlertRulesChange = SettingChange<AlertRulesSettings>;

/**
 * Sets the alert rules (validated by alertRulesSchema, defaults filled in; null: back to every
 * default). Admins only; audited with the settings before and after. The next evaluation uses them.
 */
export async function setAlertRules(actor: Actor, rules: unknown, ip: string | null = null): Promise<AlertRulesChange> {
  const value = rules === null ? null : alertRulesSchema.parse(rules);
  return writeSetting(actor, ALERT_RULES_KEY, value, readAlertRules, 'alertRules', ip);
}
