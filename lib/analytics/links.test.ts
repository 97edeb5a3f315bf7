import { describe, expect, it } from 'vitest';
import { callsHref } from './links';

const period = { from: '2026-03-04', to: '2026-03-20' };

describe('callsHref', () => {
  it.each([
    [
      'a day with a status',
      { bucket: '2026-03-09', granularity: 'day', period, provider: ['mirai'], status: 'busy' },
      '/calls?from=2026-03-09&to=2026-03-09&provider=mirai&status=busy',
    ],
    ['a partial first week', { bucket: '2026-03-02', granularity: 'week', period }, '/calls?from=2026-03-04&to=2026-03-08'],
    [
      'a breakdown provider wins over the page filter',
      { bucket: '2026-03-09', granularity: 'day', period, provider: ['mirai', 'atoms'], breakdownProvider: 'atoms' },
      '/calls?from=2026-03-09&to=2026-03-09&provider=atoms',
    ],
    ['an agent', { bucket: '2026-03-09', granularity: 'day', period, agent: 'agent_1' }, '/calls?from=2026-03-09&to=2026-03-09&agent=agent_1'],
    [
      'a metadata value',
      { bucket: '2026-03-09', granularity: 'day', period, meta: { key: 'campaign', value: 'diwali' } },
      '/calls?from=2026-03-09&to=2026-03-09&meta=campaign%3Ddiwali',
    ],
  ] as const)('%s', (_, target, href) => {
    expect(callsHref(target)).toBe(href);
  });
});
