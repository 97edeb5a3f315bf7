import { AppError } from '@/lib/http/errors';
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
  return checked(from <= to ? { from, to } : { from: to, to: from });
}

/** Longest period a chart covers: ten years of daily buckets. */
export const MAX_PERIOD_DAYS = 3660;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period whose days (and the previous period it is compared with) exist on a calendar the
 * database and our date arithmetic share: years 0001–9999 in the team's zone. A date at the edge
 * of that range in UTC can be year 10000 in Asia; that, or a span past ten years, is a 400.
 */
function checked(period: Period): Period {
  const ok = DAY.test(period.from) && DAY.test(period.to) && period.to < '9999-12-31' && period.from >= '0011-01-01' && periodDays(period) <= MAX_PERIOD_DAYS;
  if (!ok) throw new AppError(400, 'invalid_request', `from/to: a period of at most ${MAX_PERIOD_DAYS} days between the years 0011 and 9999`);
  return period;
}

export function periodDays(period: Period): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}

/** The same number of days, ending the day before: what "compared with the previous period" means. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}
