import { describe, expect, it } from 'vitest';
import { deliveriesHref, filterValues, parseFilters } from './search-params';

describe('deliveries page URL', () => {
  it('drops empty form fields and keeps the first of repeated ones', () => {
    expect(filterValues({ provider: 'mirai', outcome: '', q: ['  abc ', 'x'], cursor: 'c' })).toEqual({ provider: 'mirai', q: 'abc' });
  });

  it('parses a shared link, and refuses values the form never writes', () => {
    expect(parseFilters({ provider: 'atoms', outcome: 'rejected', since: '24h' })).toMatchObject({
      provider: 'atoms',
      outcome: 'rejected',
      since: '24h',
      limit: 50,
    });
    expect(parseFilters({ outcome: 'lost' })).toBeNull();
    expect(parseFilters({ since: '2y' })).toBeNull();
  });

  it('writes filters and cursor back in a stable order', () => {
    expect(deliveriesHref({ q: 'call 1', provider: 'mirai' }, 'abc')).toBe('/deliveries?provider=mirai&q=call+1&cursor=abc');
    expect(deliveriesHref({})).toBe('/deliveries');
  });
});
