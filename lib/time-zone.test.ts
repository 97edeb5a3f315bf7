import { describe, expect, it } from 'vitest';
import { addDays, formatShortDateTime, formatSortableDateTime, isTimeZone, localDate, startOfZonedDay, wallClock } from './time-zone';

describe('startOfZonedDay', () => {
  it.each([
    ['Asia/Kolkata', '2026-11-22', '2026-11-21T18:30:00.000Z'],
    ['UTC', '2026-11-22', '2026-11-22T00:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-22', '2026-11-22T08:00:00.000Z'],
    ['Pacific/Kiritimati', '2026-01-01', '2025-12-31T10:00:00.000Z'],
    // The days DST starts and ends: midnight itself is unaffected, the offset differs.
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z'],
    ['America/New_York', '2026-03-09', '2026-03-09T04:00:00.000Z'],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['Europe/London', '2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('%s %s starts at %s', (zone, date, expected) => {
    expect(startOfZonedDay(date, zone).toISOString()).toBe(expected);
  });

  it('starts the day when the gap ends where midnight does not exist (São Paulo, 2018-11-04)', () => {
    const start = startOfZonedDay('2018-11-04', 'America/Sao_Paulo');
    expect(start.toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(wallClock(start, 'America/Sao_Paulo')).toMatchObject({ day: 4, hour: 1, minute: 0 });
  });

  it('rejects something that is not a date', () => {
    expect(() => startOfZonedDay('22/11/2026', 'UTC')).toThrow(/YYYY-MM-DD/);
  });
});

describe('calendar helpers', () => {
  it('reads the local date of an instant in a zone', () => {
    const instant = new Date('2026-11-21T20:00:00Z');
    expect(localDate(instant, 'Asia/Kolkata')).toBe('2026-11-22');
    expect(localDate(instant, 'America/New_York')).toBe('2026-11-21');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('formats sortable and short times in the zone', () => {
    const instant = new Date('2026-11-22T09:05:07Z');
    expect(formatSortableDateTime(instant, 'Asia/Kolkata')).toBe('2026-11-22 14:35:07');
    expect(formatSortableDateTime(new Date('2026-11-22T00:00:00Z'), 'UTC')).toBe('2026-11-22 00:00:00');
    expect(formatShortDateTime(instant, 'Asia/Kolkata', instant)).toBe('22 Nov, 14:35');
    expect(formatShortDateTime(instant, 'UTC', new Date('2027-02-01T00:00:00Z'))).toBe('22 Nov 2026, 09:05');
  });

  it('knows a zone from a typo', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
