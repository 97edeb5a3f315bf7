import { z } from 'zod';

// The alert rules: what each watches, and the settings admins may change on Settings (stored as
// the team setting `alert_rules`; anything left out takes its default). The conditions are SQL in
// lib/queries/alerts/conditions.ts; the lifecycle (open once, refresh, resolve once after the
// damping) is lib/alerts/plan.ts and lib/commands/alerts/evaluate.ts.

/** The rules, by the name stored in alert.rule. */
export const ALERT_RULES = ['waiting_approval', 'low_credits', 'provider_refusing', 'provider_silent', 'dispatch_failed', 'missing_events'] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const ALERT_RULES_KEY = 'alert_rules';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const kindName = z.string().regex(/^[a-z0-9_]{1,64}$/, 'an action kind: lowercase letters, digits and _');

/** A set working window in the team's zone: a provider silent inside it for `silentHours` opens an alert. */
export const workingWindowSchema = z
  .object({
    /** Days of the week it works, 0 = Sunday … 6 = Saturday. */
    days: z.array(z.int().min(0).max(6)).min(1).max(7),
    /** Local start and end, HH:MM (end after start; the window does not cross midnight). */
    start: z.string().regex(HH_MM, 'HH:MM'),
    end: z.string().regex(HH_MM, 'HH:MM'),
  })
  .refine((w) => w.end > w.start, { message: 'end must be after start', path: ['end'] });
export type WorkingWindow = z.infer<typeof workingWindowSchema>;

export const alertRulesSchema = z.object({
  /** A condition that stops holding resolves only once it has not held for this long (a flapping one stays open). */
  dampingMinutes: z.int().min(0).max(1440).default(5),
  waitingApproval: z
    .object({
      enabled: z.boolean().default(true),
      /** An action pending for longer than this. */
      minutes: z.int().min(1).max(10_080).default(15),
      /** Per action kind, instead of `minutes`. */
      perKind: z.record(kindName, z.int().min(1).max(10_080)).default({}),
    })
    .prefault({}),
  lowCredits: z
    .object({
      enabled: z.boolean().default(true),
      /** Running out within this many days at the last 7 days' pace (the low-balance threshold is its own setting). */
      runOutDays: z.number().min(0).max(365).default(3),
    })
    .prefault({}),
  providerRefusing: z
    .object({
      enabled: z.boolean().default(true),
      /** Refused (rejected or failed) share of its deliveries, in percent. */
      percent: z.number().min(1).max(100).default(20),
      /** Judged only on at least this many deliveries. */
      minDeliveries: z.int().min(1).max(100_000).default(5),
      windowMinutes: z.int().min(1).max(1440).default(15),
    })
    .prefault({}),
  providerSilent: z
    .object({
      enabled: z.boolean().default(true),
      /** Silent at least this long, while its own last weeks say it would have delivered (or inside the working window). */
      hours: z.number().min(0.25).max(168).default(2),
      /** Optional: expect deliveries inside this window instead of learning the usual rate. */
      window: workingWindowSchema.nullable().default(null),
    })
    .prefault({}),
  dispatchFailed: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  missingEvents: z.object({ enabled: z.boolean().default(true) }).prefault({}),
});
export type AlertRulesSettings = z.infer<typeof alertRulesSchema>;

export const DEFAULT_ALERT_RULES: AlertRulesSettings = alertRulesSchema.parse({});

/** A stored value read back: anything it leaves out (or gets wrong) takes its default. */
export function readAlertRules(stored: unknown): AlertRulesSettings {
  const parsed = alertRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_ALERT_RULES;
}

/** Which rules are switched on. */
export function enabledRules(settings: AlertRulesSettings): AlertRule[] {
  const on: Record<AlertRule, boolean> = {
    waiting_approval: settings.waitingApproval.enabled,
    low_credits: settings.lowCredits.enabled,
    provider_refusing: settings.providerRefusing.enabled,
    provider_silent: settings.providerSilent.enabled,
    dispatch_failed: settings.dispatchFailed.enabled,
    missing_events: settings.missingEvents.enabled,
  };
  return ALERT_RULES.filter((rule) => on[rule]);
}

/** The minutes after which an action of `kind` counts as waiting too long. */
export function waitingLimit(settings: AlertRulesSettings, kind: string): number {
  return settings.waitingApproval.perKind[kind] ?? settings.waitingApproval.minutes;
}

/** What each rule watches, for Settings and the README. */
export const RULE_DESCRIPTIONS: Record<AlertRule, string> = {
  waiting_approval: 'An action of one kind waits for a decision longer than its limit',
  low_credits: "The credit balance is at or below the low-balance threshold, or runs out within N days at the last 7 days' pace",
  provider_refusing: 'A provider has a share of its recent deliveries refused',
  provider_silent: 'A provider that usually delivers has been silent (or silent inside the working window)',
  dispatch_failed: 'An approved action could not be sent (failed, or needs a check)',
  missing_events: "Calls missing an expected event past the provider's grace period",
};

/** Each rule as it is set now, in words (Settings shows these to approvers). */
export function ruleSummaries(s: AlertRulesSettings): Record<AlertRule, string> {
  const perKind = Object.entries(s.waitingApproval.perKind).map(([kind, minutes]) => `${kind} ${minutes} min`);
  const w = s.providerSilent.window;
  const off = (enabled: boolean, text: string) => (enabled ? text : `Off (${text[0]?.toLowerCase()}${text.slice(1)})`);
  return {
    waiting_approval: off(
      s.waitingApproval.enabled,
      `Waiting for a decision over ${s.waitingApproval.minutes} min${perKind.length ? ` (${perKind.join(', ')})` : ''}`,
    ),
    low_credits: off(s.lowCredits.enabled, `Credits at or below the low-balance threshold, or running out within ${s.lowCredits.runOutDays} days`),
    provider_refusing: off(
      s.providerRefusing.enabled,
      `A provider refusing ${s.providerRefusing.percent}% or more of at least ${s.providerRefusing.minDeliveries} deliveries in ${s.providerRefusing.windowMinutes} min`,
    ),
    provider_silent: off(
      s.providerSilent.enabled,
      `A provider silent ${s.providerSilent.hours} h ${w ? `inside ${w.start}–${w.end} on days ${w.days.join(', ')} (0 = Sunday)` : 'while it usually delivers'}`,
    ),
    dispatch_failed: off(s.dispatchFailed.enabled, 'A dispatch that failed or needs a check'),
    missing_events: off(s.missingEvents.enabled, "Calls missing an expected event past the provider's grace"),
  };
}
