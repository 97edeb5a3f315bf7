// The Settings form of the alert rules, read into the shape alertRulesSchema validates: a blank
// number takes its default, a checkbox is on when sent, per-kind limits are `kind=minutes` lines,
// and the working window is off unless a day and both times are given.

type Fields = { get(name: string): unknown; getAll(name: string): unknown[] };

const text = (form: Fields, name: string): string => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};
/** A blank field is left out (its default applies); anything else is handed to the schema as a number, or as typed so its message names it. */
const num = (form: Fields, name: string): number | string | undefined => {
  const v = text(form, name);
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
};
const on = (form: Fields, name: string): boolean => form.get(name) !== null && form.get(name) !== undefined;

/** `create_order=10` per line (blank lines ignored) → { create_order: 10 }. */
export function perKindFromText(raw: string): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const [kind = '', minutes = ''] = trimmed.split('=').map((s) => s.trim());
    const n = Number(minutes);
    out[kind] = minutes !== '' && Number.isFinite(n) ? n : minutes;
  }
  return out;
}

export function perKindToText(perKind: Record<string, number>): string {
  return Object.entries(perKind)
    .map(([kind, minutes]) => `${kind}=${minutes}`)
    .join('\n');
}

export function alertRulesFromForm(form: Fields): unknown {
  const days = form
    .getAll('providerSilent.window.days')
    .map((d) => Number(d))
    .filter((d) => Number.isInteger(d));
  const start = text(form, 'providerSilent.window.start');
  const end = text(form, 'providerSilent.window.end');
  return {
    dampingMinutes: num(form, 'dampingMinutes'),
    waitingApproval: {
      enabled: on(form, 'waitingApproval.enabled'),
      minutes: num(form, 'waitingApproval.minutes'),
      perKind: perKindFromText(text(form, 'waitingApproval.perKind')),
    },
    lowCredits: { enabled: on(form, 'lowCredits.enabled'), runOutDays: num(form, 'lowCredits.runOutDays') },
    providerRefusing: {
      enabled: on(form, 'providerRefusing.enabled'),
      percent: num(form, 'providerRefusing.percent'),
      minDeliveries: num(form, 'providerRefusing.minDeliveries'),
      windowMinutes: num(form, 'providerRefusing.windowMinutes'),
    },
    providerSilent: {
      enabled: on(form, 'providerSilent.enabled'),
      hours: num(form, 'providerSilent.hours'),
      window: days.length > 0 || start || end ? { days, start, end } : null,
    },
    dispatchFailed: { enabled: on(form, 'dispatchFailed.enabled') },
    missingEvents: { enabled: on(form, 'missingEvents.enabled') },
  };
}
