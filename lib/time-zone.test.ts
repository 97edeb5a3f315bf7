import { describe, expect, it } from 'vitest';
import { addDays, formatShortDateTime, formatSortableDateTime, instantAt, isTimeZone, localDate, startOfZonedDay, wallClock } from './time-zone';

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

  // Gaps that are not one hour, where midnight itself never showed on the clock.
  it.each([
    // Belize kept a 30-minute daylight time that began at midnight (1918–1942, 1945–1968).
    ['America/Belize', '1950-10-08', '1950-10-08T06:00:00.000Z', { hour: 0, minute: 30 }],
    // Tucumán went from -03 to -01 at midnight on 20 October 1991: two hours that never were.
    ['America/Argentina/Tucuman', '1991-10-20', '1991-10-20T04:00:00.000Z', { hour: 2, minute: 0 }],
  ])('%s %s starts when the gap ends, at %s', (zone, date, expected, clock) => {
    const start = startOfZonedDay(date, zone);
    expect(start.toISOString()).toBe(expected);
    expect(wallClock(start, zone)).toMatchObject(clock);
    expect(localDate(new Date(start.getTime() - 1000), zone)).not.toBe(date);
  });

  it('reads years before 100 as themselves', () => {
    expect(startOfZonedDay('0011-03-01', 'UTC').toISOString()).toBe('0011-03-01T00:00:00.000Z');
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

describe('instantAt', () => {
  const at = (date: string, hour: number, minute: number) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return { year, month, day, hour, minute, second: 0 };
  };

  // Lord Howe Island moves its clocks 30 minutes: on 4 Oct 2026, 02:00–02:29 local never happens.
  it.each([
    ['01:59, before the gap', 1, 59, '2026-10-03T15:29:00.000Z'],
    ['02:00, where the gap starts', 2, 0, '2026-10-03T15:30:00.000Z'],
    ['02:15, inside the gap', 2, 15, '2026-10-03T15:30:00.000Z'],
    ['02:30, where the gap ends', 2, 30, '2026-10-03T15:30:00.000Z'],
    ['03:00, after it', 3, 0, '2026-10-03T16:00:00.000Z'],
  ])('Lord Howe, 4 Oct 2026 %s', (_, hour, minute, expected) => {
    expect(instantAt(at('2026-10-04', hour, minute), 'Australia/Lord_Howe').toISOString()).toBe(expected);
  });

  it('takes the first of a time the clock shows twice (Lord Howe, 5 Apr 2026, 01:45)', () => {
    expect(instantAt(at('2026-04-05', 1, 45), 'Australia/Lord_Howe').toISOString()).toBe('2026-04-04T14:45:00.000Z');
  });

  it('is the inverse of wallClock wherever the time exists', () => {
    for (const zone of ['Australia/Lord_Howe', 'Asia/Kathmandu', 'America/New_York', 'Pacific/Chatham']) {
      for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7 * 3600_000 + 13 * 60_000) {
        const instant = new Date(t);
        const back = instantAt(wallClock(instant, zone), zone);
        // In an overlap both instants read the same; the first is returned.
        expect(wallClock(back, zone)).toEqual(wallClock(instant, zone));
        expect(back.getTime()).toBeLessThanOrEqual(t);
      }
    }
  });
});
