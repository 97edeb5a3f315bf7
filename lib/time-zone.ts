import { TZDateMini, tzOffset } from '@date-fns/tz';

// Calendar arithmetic in an IANA time zone, shared by the server (date presets, CSV times) and
// the browser (display). A "day" is always a day in the team's zone. Offsets come from
// @date-fns/tz (Intl underneath), which knows every offset to the second, so no change is assumed
// to be an hour: Lord Howe moves 30 minutes, Belize once moved 30 at midnight, Tucumán 2 hours.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** True for a zone name Intl knows (e.g. 'Asia/Kolkata', 'UTC'). */
export function isTimeZone(value: string): boolean {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The zone this runtime is in: the browser's, on the client. */
export function runtimeTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** What a wall clock in `timeZone` shows at `instant`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const d = new TZDateMini(instant.getTime(), timeZone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
}

/** Milliseconds the zone is ahead of UTC at `t` (some historical offsets have seconds). */
function offsetMs(t: number, timeZone: string): number {
  return Math.round(tzOffset(timeZone, new Date(t)) * MINUTE);
}

/**
 * The first instant a wall clock in `timeZone` shows `wall` or later. Where that time shows twice
 * (clocks go back) it is the first time; where it never shows (clocks go forward, by however
 * much) it is the instant the gap ends.
 */
export function instantAt(wall: WallClock, timeZone: string): Date {
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  utc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  const target = utc.setUTCHours(wall.hour, wall.minute, wall.second);
  // The offsets a day either side; if the wall time exists, it is the target less one of them.
  const before = offsetMs(target - DAY, timeZone);
  const after = offsetMs(target + DAY, timeZone);
  const fits = [target - before, target - after].filter((t) => t + offsetMs(t, timeZone) === target);
  if (fits.length) return new Date(Math.min(...fits));
  // A gap: the clock jumps over the wall time somewhere in [target - after, target - before].
  let lo = target - after;
  let hi = target - before;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (mid + offsetMs(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * The instant a wall clock in `timeZone` first shows this date; where midnight does not exist,
 * the day starts when the gap ends, however long the gap.
 */
export function startOfZonedDay(date: string, timeZone: string): Date {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return instantAt({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0 }, timeZone);
}

/** 'YYYY-MM-DD' of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no zone involved: a date is a date). */
export function addDays(date: string, days: number): string {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/** 'YYYY-MM-DD HH:mm:ss' in `timeZone`: sortable, and what spreadsheets read as a date-time. */
export function formatSortableDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${localDate(instant, timeZone)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

const displayFormats = new Map<string, Intl.DateTimeFormat>();

function displayFormat(timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withYear}`;
  let format = displayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    displayFormats.set(key, format);
  }
  return format;
}

/** '22 Nov, 14:03' in `timeZone`; the year only when it is not this year there. */
export function formatShortDateTime(instant: Date, timeZone: string, now: Date = new Date()): string {
  const withYear = wallClock(instant, timeZone).year !== wallClock(now, timeZone).year;
  return displayFormat(timeZone, withYear).format(instant);
}
