import { describe, expect, it } from 'vitest';
import { alertRulesFromForm, perKindFromText, perKindToText } from './form';
import { alertRulesSchema, DEFAULT_ALERT_RULES } from './rules';

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
const ALL_ON = ['waitingApproval', 'lowCredits', 'providerRefusing', 'providerSilent', 'dispatchFailed', 'missingEvents'].map((r): [string, string] => [
  `${r}.enabled`,
  'on',
]);

describe('the alert rules form', () => {
  it('every rule on and every number blank is the defaults', () => {
    expect(alertRulesSchema.parse(alertRulesFromForm(form(ALL_ON)))).toEqual(DEFAULT_ALERT_RULES);
  });

  it('reads numbers, unticked rules, per-kind lines and the working window', () => {
    const parsed = alertRulesSchema.parse(
      alertRulesFromForm(
        form([
          ['waitingApproval.enabled', 'on'],
          ['waitingApproval.minutes', '20'],
          ['waitingApproval.perKind', 'create_order=10\n\n send_whatsapp = 5 '],
          ['dampingMinutes', '0'],
          ['providerRefusing.percent', '35'],
          ['providerSilent.enabled', 'on'],
          ['providerSilent.window.days', '1'],
          ['providerSilent.window.days', '5'],
          ['providerSilent.window.start', '09:00'],
          ['providerSilent.window.end', '18:30'],
        ]),
      ),
    );
    expect(parsed).toMatchObject({
      dampingMinutes: 0,
      waitingApproval: { enabled: true, minutes: 20, perKind: { create_order: 10, send_whatsapp: 5 } },
      lowCredits: { enabled: false },
      providerRefusing: { enabled: false, percent: 35 },
      providerSilent: { enabled: true, window: { days: [1, 5], start: '09:00', end: '18:30' } },
      dispatchFailed: { enabled: false },
    });
  });

  it('hands what is wrong to the schema, so its message names the field', () => {
    const bad = alertRulesSchema.safeParse(
      alertRulesFromForm(form([...ALL_ON, ['waitingApproval.minutes', 'soon'], ['waitingApproval.perKind', 'create_order=']])),
    );
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['waitingApproval.minutes', 'waitingApproval.perKind.create_order']));
    expect(alertRulesSchema.safeParse(alertRulesFromForm(form([...ALL_ON, ['providerSilent.window.start', '09:00']]))).success).toBe(false);
  });

  it('per-kind lines round-trip', () => {
    expect(perKindFromText(perKindToText({ create_order: 10, send_whatsapp: 45 }))).toEqual({ create_order: 10, send_whatsapp: 45 });
  });
});
