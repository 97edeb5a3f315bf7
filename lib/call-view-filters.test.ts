import { describe, expect, it } from 'vitest';
import { activeFilterCount, apiSearchParams, type CallView, clearFilters, DEFAULT_VIEW, viewFromSearchParams, viewToSearchParams } from './call-view-filters';

const fromUrl = (query: string) => viewFromSearchParams(new URLSearchParams(query));

describe('the calls view in the URL', () => {
  it('is the defaults for an empty URL, which writes back as an empty query', () => {
    expect(fromUrl('')).toEqual(DEFAULT_VIEW);
    expect(viewToSearchParams(DEFAULT_VIEW).toString()).toBe('');
  });

  it('round-trips every filter, in a stable order', () => {
    const view: CallView = {
      q: '+91 98765 43210',
      range: '7d',
      provider: ['mirai', 'atoms'],
      status: ['completed', 'no_answer'],
      outcome: 'callback_requested',
      success: 'no',
      pending: 'yes',
      agent: 'agent_7',
      meta: { key: 'campaign', value: 'a=b' },
      sort: 'duration',
      dir: 'asc',
    };
    const query = viewToSearchParams(view).toString();
    expect(query).toBe(
      'q=%2B91+98765+43210&range=7d&provider=mirai%2Catoms&status=completed%2Cno_answer&outcome=callback_requested&success=no&pending=yes&agent=agent_7&meta=campaign%3Da%3Db&sort=duration&dir=asc',
    );
    expect(fromUrl(query)).toEqual(view);
  });

  it('drops what it does not understand, one value at a time', () => {
    expect(fromUrl('status=completed,bogus&provider=atoms&sort=sideways&success=maybe&meta=novalue&range=2d')).toEqual({
      ...DEFAULT_VIEW,
      provider: ['atoms'],
    });
    expect(fromUrl('status=no_answer&from=yesterday&to=2026-11-02')).toEqual({ ...DEFAULT_VIEW, status: ['no_answer'], to: '2026-11-02' });
  });

  it("reads an API-style link (success=true, pending=false) as the page's yes/no, and writes yes/no back", () => {
    const view = fromUrl('success=true&pending=false');
    expect(view).toMatchObject({ success: 'yes', pending: 'no' });
    expect(viewToSearchParams(view).toString()).toBe('success=yes&pending=no');
  });

  it('reads a single provider the way the API always did', () => {
    expect(fromUrl('provider=atoms&status=completed')).toMatchObject({ provider: ['atoms'], status: ['completed'] });
  });

  it('writes a preset instead of dates when it has both', () => {
    expect(viewToSearchParams({ ...DEFAULT_VIEW, range: 'today', from: '2026-01-01' }).toString()).toBe('range=today');
  });

  it('sends the zone to the API only when a day boundary depends on it', () => {
    expect(apiSearchParams({ ...DEFAULT_VIEW, provider: ['atoms'] }, 'Asia/Kolkata').toString()).toBe('provider=atoms');
    expect(apiSearchParams({ ...DEFAULT_VIEW, range: 'today' }, 'Asia/Kolkata').toString()).toBe('range=today&tz=Asia%2FKolkata');
    expect(apiSearchParams({ ...DEFAULT_VIEW, from: '2026-11-01' }, 'UTC').get('tz')).toBe('UTC');
    expect(apiSearchParams({ ...DEFAULT_VIEW, from: '2026-11-01T00:00:00Z' }, 'UTC').get('tz')).toBeNull();
  });

  it('counts active filters (not the sort) and clears them keeping the sort', () => {
    const view: CallView = { ...DEFAULT_VIEW, q: 'x', provider: ['atoms'], sort: 'credits' };
    expect(activeFilterCount(view)).toBe(2);
    expect(activeFilterCount({ ...DEFAULT_VIEW, sort: 'credits', dir: 'asc' })).toBe(0);
    expect(clearFilters(view)).toEqual({ sort: 'credits', dir: 'desc' });
  });
});
