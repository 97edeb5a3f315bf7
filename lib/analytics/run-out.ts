import { addDays } from '@/lib/time-zone';

// How long the balance lasts at the recent rate of spending.

/** Average credits spent per day over `days` days; 0 when nothing was spent. */
export function averageDailyBurn(used: number, days: number): number {
  return days > 0 && used > 0 ? used / days : 0;
}

/**
 * The local date the balance reaches zero at `burnPerDay`: today when it already has; null when
 * nothing is being spent (it never runs out) or there is no balance reported at all.
 */
export function runOutDate(balance: number | null, burnPerDay: number, today: string): string | null {
  if (balance === null) return null;
  if (balance <= 0) return today;
  if (!(burnPerDay > 0)) return null;
  return addDays(today, Math.floor(balance / burnPerDay));
}

/** True when a threshold is set and the balance is at or below it. */
export function isLowBalance(balance: number | null, threshold: number | null): boolean {
  return balance !== null && threshold !== null && balance <= threshold;
}
