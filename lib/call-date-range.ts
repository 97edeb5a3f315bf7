import type { DateRange } from '@/lib/schemas/calls';
import { addDays, isDateOnly, localDate, startOfZonedDay } from '@/lib/time-zone';

// Turns the list's date filter into instants on when calls happened (call.occurred_at). Presets are whole days in the
// team's zone ending today, so "today" in Kolkata starts at Kolkata's midnight, whatever the
// server's zone; a plain date is a whole day there too, and `to` includes its day.

export interface DateRangeInput {
  range?: DateRange;
  from?: string;
  to?: string;
}

export interface Instants {
  from?: Date;
  to?: Date;
}

const PRESET_DAYS: Record<DateRange, number> = { today: 1, '7d': 7, '30d': 30 };

export function resolveDateRange(input: DateRangeInput, timeZone: string, now: Date = new Date()): Instants {
  if (input.range) {
    const today = localDate(now, timeZone);
    return { from: startOfZonedDay(addDays(today, 1 - PRESET_DAYS[input.range]), timeZone) };
  }
  const out: Instants = {};
  if (input.from) out.from = isDateOnly(input.from) ? startOfZonedDay(input.from, timeZone) : new Date(input.from);
  if (input.to) out.to = isDateOnly(input.to) ? startOfZonedDay(addDays(input.to, 1), timeZone) : new Date(input.to);
  return out;
}
