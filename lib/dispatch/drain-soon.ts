import 'server-only';
import { after } from 'next/server';
import { drainOutbox } from './drain';

// Ids scheduled since the last flush. Every approval in a request (a bulk decision is one
// transaction per action, each scheduling its own id after its commit) lands here, and one
// `after()` callback drains them all together: one drain per batch, not one per action. Alerts
// whose notifications were queued (lib/commands/alerts/notify.ts) wait beside them, and go at once.
const waiting = new Set<string>();
const waitingAlerts = new Set<string>();
/** The latest moment any waiting id may be sent (its decision's undo window closes then). */
let waitingUntil = 0;
let scheduled = false;
let scheduledAt = 0;
/** A flush that never ran (its request died with it) stops holding back new ones after this. */
const STALE_MS = 30_000;
/** Past the due time, so the database's clock (which decided the window) has passed it too. */
const DUE_SLACK_MS = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const logged = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: unknown) => console.error('[dispatch] sending after the response failed; the cron will retry', error),
  );

async function drainActions(actionIds: string[], until: number): Promise<void> {
  if (actionIds.length === 0) return;
  // Nothing is claimable before the undo window closes; wait for it (the request's after() keeps
  // the function alive; if it is cut short, the every-minute cron sends them).
  if (until > Date.now()) await sleep(until - Date.now() + DUE_SLACK_MS);
  // Ten at a time, and stop claiming after 20 s: a bulk approval must not outlive the function.
  await logged(drainOutbox({ actionIds, limit: Math.min(actionIds.length, 10), deadline: Date.now() + 20_000 }));
}

async function flush(): Promise<void> {
  // Taken and reset in one synchronous step: ids scheduled from now on start the next batch.
  const actionIds = [...waiting];
  const alertIds = [...waitingAlerts];
  const until = waitingUntil;
  clear();
  scheduled = false;
  // A notification has no undo window: it does not wait for the actions'.
  const alerts = alertIds.length > 0 ? logged(drainOutbox({ alertIds, limit: 10, deadline: Date.now() + 20_000 })) : Promise.resolve();
  await Promise.all([alerts, drainActions(actionIds, until)]);
}

function clear(): void {
  waiting.clear();
  waitingAlerts.clear();
  waitingUntil = 0;
}

function schedule(): void {
  if (scheduled && Date.now() - scheduledAt < STALE_MS) return;
  try {
    after(flush);
    scheduled = true;
    scheduledAt = Date.now();
  } catch {
    // No request scope: left for the cron.
    clear();
  }
}

/**
 * Sends freshly approved actions right after the response is sent, or once `notBefore` (the
 * decision's undo window) has passed, so the person approving never waits on a destination.
 * Ids scheduled in the same request coalesce into one drain. Outside a request (scripts, tests)
 * `after` is unavailable; the every-minute cron (/api/cron/dispatch) then sends them.
 */
export function drainSoon(actionIds: string[], notBefore?: Date): void {
  if (actionIds.length === 0) return;
  for (const id of actionIds) waiting.add(id);
  if (notBefore) waitingUntil = Math.max(waitingUntil, notBefore.getTime());
  schedule();
}

/**
 * Sends the notifications just queued for these alerts right after the response, coalesced with
 * everything else the request scheduled. Outside a request the every-minute dispatch cron
 * (/api/cron/dispatch) sends them.
 */
export function drainAlertsSoon(alertIds: string[]): void {
  if (alertIds.length === 0) return;
  for (const id of alertIds) waitingAlerts.add(id);
  schedule();
}
