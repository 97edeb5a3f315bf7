import { describe, expect, it } from 'vitest';
import { ALERT_RULES, alertRulesSchema, DEFAULT_ALERT_RULES, enabledRules, readAlertRules, ruleSummaries, waitingLimit } from './rules';

describe('alert rules settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_ALERT_RULES).toEqual({
      dampingMinutes: 5,
      waitingApproval: { enabled: true, minutes: 15, perKind: {} },
      lowCredits: { enabled: true, runOutDays: 3 },
      providerRefusing: { enabled: true, percent: 20, minDeliveries: 5, windowMinutes: 15 },
      providerSilent: { enabled: true, hours: 2, window: null },
      dispatchFailed: { enabled: true },
      missingEvents: { enabled: true },
    });
    expect(enabledRules(DEFAULT_ALERT_RULES)).toEqual([...ALERT_RULES]);
  });

  it('fills what a stored value leaves out, and falls back to the defaults for junk', () => {
    const partial = readAlertRules({ waitingApproval: { perKind: { create_order: 5 } }, dispatchFailed: { enabled: false } });
    expect(waitingLimit(partial, 'create_order')).toBe(5);
    expect(waitingLimit(partial, 'send_whatsapp')).toBe(15);
    expect(enabledRules(partial)).not.toContain('dispatch_failed');
    expect(readAlertRules('nonsense')).toEqual(DEFAULT_ALERT_RULES);
    expect(readAlertRules(null)).toEqual(DEFAULT_ALERT_RULES);
  });

  it('refuses out-of-range values, bad kinds and a backwards working window', () => {
    expect(alertRulesSchema.safeParse({ waitingApproval: { minutes: 0 } }).success).toBe(false);
    expect(alertRulesSchema.safeParse({ waitingApproval: { perKind: { 'Not A Kind': 3 } } }).success).toBe(false);
    expect(alertRulesSchema.safeParse({ providerRefusing: { percent: 120 } }).success).toBe(false);
    expect(alertRulesSchema.safeParse({ providerSilent: { window: { days: [1], start: '18:00', end: '09:00' } } }).success).toBe(false);
    expect(alertRulesSchema.safeParse({ providerSilent: { window: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' } } }).success).toBe(true);
  });

  it('summarises each rule as set', () => {
    expect(ruleSummaries(DEFAULT_ALERT_RULES)).toEqual({
      waiting_approval: 'Waiting for a decision over 15 min',
      low_credits: 'Credits at or below the low-balance threshold, or running out within 3 days',
      provider_refusing: 'A provider refusing 20% or more of at least 5 deliveries in 15 min',
      provider_silent: 'A provider silent 2 h while it usually delivers',
      dispatch_failed: 'A dispatch that failed or needs a check',
      missing_events: "Calls missing an expected event past the provider's grace",
    });
    const set = readAlertRules({ waitingApproval: { perKind: { create_order: 10 } }, missingEvents: { enabled: false } });
    expect(ruleSummaries(set).waiting_approval).toBe('Waiting for a decision over 15 min (create_order 10 min)');
    expect(ruleSummaries(set).missing_events).toBe("Off (calls missing an expected event past the provider's grace)");
  });
});
