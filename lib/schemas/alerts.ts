import { z } from 'zod';
import { ALERT_RULES, alertRulesSchema } from '@/lib/alerts/rules';
import { pgText } from './pg-text';

// GET /api/alerts and PUT /api/settings/alert-rules.

export const ALERT_STATES = ['open', 'resolved', 'all'] as const;

export const alertListQuerySchema = z.object({
  /** open (default), resolved, or all; newest opened first. */
  state: z.enum(ALERT_STATES).default('open'),
  rule: z.enum(ALERT_RULES).optional(),
  cursor: pgText().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

/** PUT /api/settings/alert-rules: the rules' settings (anything left out takes its default); null goes back to every default. */
export const alertRulesBodySchema = z.object({ rules: alertRulesSchema.nullable() });
