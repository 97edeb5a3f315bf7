import { describe, expect, it } from 'vitest';
import { duration, windowOpenedAt } from './window';

const weekdays = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' };

describe('working window', () => {
  it('is open on a listed day between start and end, in the team zone', () => {
    // Tuesday 2026-12-08 10:30 in Kolkata is 05:00 UTC.
    expect(windowOpenedAt(weekdays, new Date('2026-12-08T05:00:00Z'), 'Asia/Kolkata')?.toISOString()).toBe('2026-12-08T03:30:00.000Z');
    // 18:00 local is the end: closed.
    expect(windowOpenedAt(weekdays, new Date('2026-12-08T12:30:00Z'), 'Asia/Kolkata')).toBeNull();
    // Saturday.
    expect(windowOpenedAt(weekdays, new Date('2026-12-12T05:00:00Z'), 'Asia/Kolkata')).toBeNull();
    // The local day decides: 23:00 UTC Sunday is Monday 04:30 in Kolkata, before 09:00.
    expect(windowOpenedAt(weekdays, new Date('2026-12-06T23:00:00Z'), 'Asia/Kolkata')).toBeNull();
    expect(windowOpenedAt({ ...weekdays, start: '00:00' }, new Date('2026-12-06T23:00:00Z'), 'Asia/Kolkata')?.toISOString()).toBe('2026-12-06T18:30:00.000Z');
  });

  it('words a duration', () => {
    expect(duration(42 * 60_000)).toBe('42 min');
    expect(duration(6 * 3_600_000)).toBe('6 h');
    expect(duration(3 * 86_400_000)).toBe('3 days');
  });
});
