import type { DateRange } from '@/lib/schemas/calls';
import { addDays, isDateOnly, localDate } from '@/lib/time-zone';

// The analytics period as whole days in the team's zone, read from the same URL parameters as
// the calls list (range, from, to), so a chart's bucket links to exactly the list's days.

export interface Period {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
}

const PRESET_DAYS: Record<DateRange, number> = { today: 1, '7d': 7, '30d': 30 };

/** Charts need a bounded period: with no dates at all, the last 30 days. */
export function resolvePeriod(input: { range?: DateRange; from?: string; to?: string }, timeZone: string, now: Date = new Date()): Period {
  const today = localDate(now, timeZone);
  if (input.range) return { from: addDays(today, 1 - PRESET_DAYS[input.range]), to: today };
  const day = (v: string) => (isDateOnly(v) ? v : localDate(new Date(v), timeZone));
  const to = input.to ? day(input.to) : today;
  const from = input.from ? day(input.from) : addDays(to, -29);
  return from <= to ? { from, to } : { from: to, to: from };
}

export function periodDays(period: Period): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}

/** The same number of days, ending the day before: what "compared with the previous period" means. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}
