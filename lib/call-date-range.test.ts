import { describe, expect, it } from 'vitest';
import { resolveDateRange } from './call-date-range';

// 02:00 on 22 Nov in Kolkata is still 21 Nov in UTC: "today" depends on whose today.
const now = new Date('2026-11-21T20:30:00Z');

describe('resolveDateRange', () => {
  it('starts presets at midnight of the team zone, counting today as one of the days', () => {
    expect(resolveDateRange({ range: 'today' }, 'Asia/Kolkata', now)).toEqual({ from: new Date('2026-11-21T18:30:00Z') });
    expect(resolveDateRange({ range: 'today' }, 'UTC', now)).toEqual({ from: new Date('2026-11-21T00:00:00Z') });
    expect(resolveDateRange({ range: '7d' }, 'Asia/Kolkata', now)).toEqual({ from: new Date('2026-11-15T18:30:00Z') });
    expect(resolveDateRange({ range: '30d' }, 'UTC', now)).toEqual({ from: new Date('2026-10-23T00:00:00Z') });
  });

  it('lets a preset win over dates', () => {
    expect(resolveDateRange({ range: 'today', from: '2020-01-01', to: '2020-01-02' }, 'UTC', now)).toEqual({ from: new Date('2026-11-21T00:00:00Z') });
  });

  it('reads plain dates as whole days in the zone, the end day included', () => {
    expect(resolveDateRange({ from: '2026-11-01', to: '2026-11-15' }, 'Asia/Kolkata', now)).toEqual({
      from: new Date('2026-10-31T18:30:00Z'),
      to: new Date('2026-11-15T18:30:00Z'),
    });
  });

  it('takes date-times as they are (the API contract before presets)', () => {
    expect(resolveDateRange({ from: '2026-11-01T10:00:00Z', to: '2026-11-02T10:00:00+05:30' }, 'Asia/Kolkata', now)).toEqual({
      from: new Date('2026-11-01T10:00:00Z'),
      to: new Date('2026-11-02T04:30:00Z'),
    });
  });

  it('handles a range crossing the DST change', () => {
    const march = new Date('2026-03-10T12:00:00Z');
    expect(resolveDateRange({ range: '7d' }, 'America/New_York', march)).toEqual({ from: new Date('2026-03-04T05:00:00Z') });
  });
});
