import { instantAt, wallClock } from '@/lib/time-zone';
import type { WorkingWindow } from './rules';

// The optional working window of provider_silent: inside it, in the team's zone, a provider is
// expected to deliver; outside it silence is normal.

/** When the window that contains `now` opened, or null when `now` is outside the window. */
export function windowOpenedAt(window: WorkingWindow, now: Date, timeZone: string): Date | null {
  const wall = wallClock(now, timeZone);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  if (!window.days.includes(weekday)) return null;
  const hhmm = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  if (hhmm < window.start || hhmm >= window.end) return null;
  const [hour, minute] = window.start.split(':').map(Number) as [number, number];
  return instantAt({ year: wall.year, month: wall.month, day: wall.day, hour, minute, second: 0 }, timeZone);
}

/** "42 min", "6 h", "3 days". */
export function duration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 90) return `${Math.max(1, Math.round(minutes))} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}
