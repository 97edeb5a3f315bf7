import { describe, expect, it } from 'vitest';
import { analyticsApiParams, analyticsViewFromSearchParams, analyticsViewToSearchParams } from './url';

describe('analytics view in the URL', () => {
  it.each([
    ['', { range: '30d', granularity: 'day', by: 'none' }, ''],
    ['range=7d&provider=mirai,atoms', { range: '7d', provider: ['mirai', 'atoms'], granularity: 'day', by: 'none' }, 'range=7d&provider=mirai%2Catoms'],
    [
      'from=2026-03-01&to=2026-03-09&granularity=week',
      { from: '2026-03-01', to: '2026-03-09', granularity: 'week', by: 'none' },
      'from=2026-03-01&to=2026-03-09&granularity=week',
    ],
    ['by=meta&key=campaign', { range: '30d', granularity: 'day', by: 'meta', key: 'campaign' }, 'by=meta&key=campaign'],
    ['range=1y&granularity=hour&by=x', { range: '30d', granularity: 'day', by: 'none' }, ''],
  ])('%s', (query, view, back) => {
    const parsed = analyticsViewFromSearchParams(new URLSearchParams(query));
    expect(parsed).toEqual(view);
    expect(analyticsViewToSearchParams(parsed).toString()).toBe(back);
  });

  it('the API query spells the range and the zone out', () => {
    expect(analyticsApiParams({ range: '30d', granularity: 'day', by: 'none' }, 'Asia/Kolkata').toString()).toBe('range=30d&tz=Asia%2FKolkata');
  });
});
