// Calendar arithmetic in an IANA time zone with nothing but Intl, shared by the server (date
// presets, CSV times) and the browser (display). A "day" is always a day in the team's zone.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

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

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    // h23 so midnight reads 00, not 24.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
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
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of partsFormat(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` first shows this date at 00:00. Two passes settle the
 * offset across a DST change; where midnight does not exist, the day starts when the gap ends.
 */
export function startOfZonedDay(date: string, timeZone: string): Date {
  const m = DATE_ONLY.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  // In a spring-forward gap at midnight the guess lands on the previous evening: the day starts
  // when the gap ends, an hour later.
  if (localDate(new Date(guess), timeZone) !== date) guess += 3600_000;
  return new Date(guess);
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
      timeZone, day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
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
