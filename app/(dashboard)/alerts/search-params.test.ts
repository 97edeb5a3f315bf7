import { describe, expect, it } from 'vitest';
import { alertsHref, loadAlertsView } from './search-params';

describe('alerts page URL', () => {
  it('reads the state, open unless it says resolved', () => {
    expect(loadAlertsView({}).state).toBe('open');
    expect(loadAlertsView({ state: 'resolved' }).state).toBe('resolved');
    expect(loadAlertsView({ state: 'nonsense' }).state).toBe('open');
  });

  it('writes the links the tabs use', () => {
    expect(alertsHref('open')).toBe('/alerts');
    expect(alertsHref('resolved')).toBe('/alerts?state=resolved');
  });
});
