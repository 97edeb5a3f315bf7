import { createLoader, createSerializer, parseAsStringLiteral } from 'nuqs/server';

// The alerts page's view in its URL: which alerts, open (the default) or resolved — the same
// name and values GET /api/alerts takes.

export const ALERT_STATES = ['open', 'resolved'] as const;

const alertsPageParsers = { state: parseAsStringLiteral(ALERT_STATES).withDefault('open') };

export const loadAlertsView = createLoader(alertsPageParsers);
const serialize = createSerializer(alertsPageParsers);

/** /alerts or /alerts?state=resolved. */
export function alertsHref(state: (typeof ALERT_STATES)[number]): string {
  return serialize('/alerts', { state: state === 'open' ? null : state });
}
