import 'server-only';
import { after } from 'next/server';
import { drainOutbox } from './drain';

/**
 * Sends freshly approved actions right after the response is sent, so the person approving
 * never waits on a destination. Outside a request (scripts, tests) `after` is unavailable; the
 * every-minute cron (/api/cron/dispatch) then sends them.
 */
export function drainSoon(actionIds: string[]): void {
  if (actionIds.length === 0) return;
  const run = () =>
    // Ten at a time, and stop claiming after 20 s: a bulk approval must not outlive the function.
    drainOutbox({ actionIds, limit: Math.min(actionIds.length, 10), deadline: Date.now() + 20_000 }).then(
      () => undefined,
      (error: unknown) => console.error('[dispatch] sending after the response failed; the cron will retry', error),
    );
  try {
    after(run);
  } catch {
    // No request scope: left for the cron.
  }
}
