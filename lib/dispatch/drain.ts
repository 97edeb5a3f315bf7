import 'server-only';
import type { Destination, LookupResult, OutboxMessage, SendResult } from '@/lib/action-kinds/destination';
import { actionKind } from '@/lib/action-kinds/registry';
import { alertChannel } from '@/lib/alert-channels/registry';
import { alertNotificationSchema } from '@/lib/alert-channels/types';
import { env } from '@/lib/env';
import { backoffDelayMs, nextRetryDelayMs } from './backoff';
import { configuredDestinations, type DispatchConfig, dispatchConfig, STANDARD_WEBHOOK } from './config';
import { httpFor } from './http';
import { type AttemptRecord, type ClaimedActionRow, type ClaimedAlertRow, type ClaimedRow, claimOutbox, nextDueAt, recordAttempt } from './outbox';
import { standardWebhookDestination } from './standard-webhook';

// Sends what approvals (and alerts' notifications) put in the outbox. Claims are short
// statements; the HTTP calls happen outside any transaction; each result is recorded in its own transaction, fenced by the lease.
// The drainer keeps up to `limit` requests in flight and claims again as soon as one finishes or
// a row falls due, so one slow request never holds the rest; no destination takes more than
// half the slots while another has work.

export interface DrainOptions {
  /** Requests in flight at once. */
  limit?: number;
  /** How long a claim is ours; at least two request timeouts (a lookup and a send) plus slack. */
  leaseMs?: number;
  /** Only these actions' rows (right after approving them); with alertIds, these rows of either. */
  actionIds?: string[];
  /** Only these alerts' notifications (right after queuing them). */
  alertIds?: string[];
  /**
   * Stop claiming after this moment (epoch ms); rows in hand are still finished. Until then the
   * drainer also waits for rows that fall due (a Retry-After), so they go out on time.
   */
  deadline?: number;
  /** Stop after this many claims that found rows (default: until nothing is due or the deadline passes). */
  maxBatches?: number;
  config?: DispatchConfig;
  random?: () => number;
}

export interface DrainReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  needsCheck: number;
  /** Results not recorded because the lease had passed to another drainer. */
  lost: number;
}

/** One row's sender, bound to its message: what an attempt calls. */
interface RowSender {
  send(): Promise<SendResult>;
  lookup?: () => Promise<LookupResult>;
}

/** The sender for an action's row, asked of its kind, or null when this server has no such destination. */
function resolveDestination(name: string, kindId: string, config: DispatchConfig): Destination | null {
  const kind = actionKind(kindId);
  if (!kind) return null;
  if (name === STANDARD_WEBHOOK) {
    const target = kind.webhook.target(config);
    return target ? standardWebhookDestination(target, config) : null;
  }
  return kind.destination?.name === name ? kind.destination.sender(config, httpFor(config)) : null;
}

/** A destination that cannot be reached at all is tried this many times the attempt limit, then failed. */
export const UNREACHED_FACTOR = 3;

type Outcome = SendResult | { outcome: 'found'; httpStatus: number | null; responseId: string | null };

function message(row: ClaimedActionRow): OutboxMessage {
  return {
    id: row.id,
    actionId: row.actionId,
    kind: row.kind,
    payload: row.payload,
    attempt: row.attempts,
    provider: row.provider,
    callId: row.callId,
    providerCallId: row.providerCallId,
    reason: row.reason,
  };
}

function actionSender(row: ClaimedActionRow, config: DispatchConfig): RowSender | null {
  const destination = resolveDestination(row.destination, row.kind, config);
  if (!destination) return null;
  const msg = message(row);
  const lookup = destination.lookup?.bind(destination);
  return { send: () => destination.send(msg), lookup: lookup ? () => lookup(msg) : undefined };
}

/** A notification's sender: the alert channel named by its destination, when it is configured here. */
function alertSender(row: ClaimedAlertRow, config: DispatchConfig): RowSender | null {
  const channel = alertChannel(row.destination);
  const sender = channel?.configured(config) ? channel.sender(config, httpFor(config)) : null;
  if (!sender) return null;
  return {
    send: async () => {
      const payload = alertNotificationSchema.safeParse(row.payload);
      if (!payload.success)
        return { outcome: 'failed', httpStatus: null, error: `Not an alert notification: ${payload.error.issues[0]?.message ?? 'bad payload'}` };
      return sender.send({ id: row.id, alertId: row.alertId, event: payload.data.event, payload: payload.data, attempt: row.attempts });
    },
  };
}

const senderFor = (row: ClaimedRow, config: DispatchConfig): RowSender | null => (row.alertId === null ? actionSender(row, config) : alertSender(row, config));

/**
 * One attempt. A destination that can look things up (Shopify) looks before every create, so
 * neither a timed-out attempt, a crashed drainer nor a re-dispatch can make a second order. One
 * that cannot, and whose previous attempt was cut off unrecorded, is not sent again blindly.
 */
async function attempt(destination: RowSender, row: ClaimedRow): Promise<Outcome> {
  if (destination.lookup) {
    const found = await destination.lookup();
    if (found.outcome === 'found') return { outcome: 'found', httpStatus: null, responseId: found.responseId };
    if (found.outcome === 'error')
      return { outcome: 'retry', httpStatus: found.httpStatus, error: found.error, retryAfterMs: null, unreached: found.unreached === true };
  } else if (row.reclaimed) {
    return { outcome: 'uncertain', httpStatus: null, error: 'An earlier attempt was interrupted before its answer was recorded; it may have arrived' };
  }
  return destination.send();
}

/** What an outcome means for the row: the retry policy and the destination's lookup decide. */
function toRecord(
  outcome: Outcome,
  row: ClaimedRow,
  canLookUp: boolean,
  config: DispatchConfig,
  random: () => number,
): Omit<AttemptRecord, 'startedAt' | 'durationMs'> {
  const base = { httpStatus: outcome.httpStatus, error: null, responseId: null };
  switch (outcome.outcome) {
    case 'sent':
    case 'found':
      return { ...base, outcome: outcome.outcome, responseId: outcome.responseId };
    case 'failed':
    case 'refused':
      return { ...base, outcome: outcome.outcome, error: outcome.error };
    case 'retry':
    case 'uncertain': {
      // Never reached the destination: retried on its own count, which does not use up an attempt.
      if (outcome.outcome === 'retry' && outcome.unreached) {
        const tries = row.unreachedAttempts + 1;
        if (tries >= config.policy.maxAttempts * UNREACHED_FACTOR)
          return {
            ...base,
            outcome: 'failed',
            unreached: true,
            error: `Gave up: the destination was never reached in ${tries} tries, so nothing was sent; re-dispatch it when the destination is back. Last: ${outcome.error}`,
          };
        const delay = outcome.retryAfterMs ?? backoffDelayMs(tries, config.policy, random);
        return { ...base, outcome: 'retry', unreached: true, error: outcome.error, retryInMs: delay };
      }
      // Without a lookup, an attempt that may have arrived is for a person to check.
      if (outcome.outcome === 'uncertain' && !canLookUp)
        return { ...base, outcome: 'needs_check', error: `${outcome.error}; it may have arrived, so it was not sent again` };
      const retryAfter = outcome.outcome === 'retry' ? outcome.retryAfterMs : null;
      const delay = nextRetryDelayMs(row.attempts, config.policy, retryAfter, random);
      if (delay === null) {
        return {
          ...base,
          outcome: outcome.outcome === 'uncertain' ? 'needs_check' : 'failed',
          error: `Gave up after ${row.attempts} attempts: ${outcome.error}`,
        };
      }
      return { ...base, outcome: 'retry', error: outcome.error, retryInMs: delay };
    }
  }
}

async function processRow(row: ClaimedRow, config: DispatchConfig, random: () => number): Promise<AttemptRecord & { recorded: boolean }> {
  const startedAt = new Date();
  const t0 = performance.now();
  const destination = senderFor(row, config);
  let record: Omit<AttemptRecord, 'startedAt' | 'durationMs'>;
  if (!destination) {
    record = { outcome: 'failed', httpStatus: null, error: `No ${row.destination} destination for ${row.kind} is configured on this server`, responseId: null };
  } else {
    try {
      record = toRecord(await attempt(destination, row), row, Boolean(destination.lookup), config, random);
    } catch (error) {
      // A bug in building the request, not an answer from the destination: nothing was sent.
      console.error('[dispatch] attempt threw', error);
      record = toRecord(
        { outcome: 'retry', httpStatus: null, error: error instanceof Error ? error.message : String(error), retryAfterMs: null },
        row,
        Boolean(destination.lookup),
        config,
        random,
      );
    }
  }
  const full = { ...record, startedAt, durationMs: performance.now() - t0 };
  return { ...full, recorded: await recordAttempt(row, full, config) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
/** While requests are in flight, how often to look for rows that fell due in the meantime. */
const POLL_MS = 250;

export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainReport> {
  const config = opts.config ?? dispatchConfig(env());
  const report: DrainReport = { claimed: 0, sent: 0, retried: 0, failed: 0, needsCheck: 0, lost: 0 };
  const destinations = configuredDestinations(config);
  if (destinations.length === 0) return report;
  const limit = opts.limit ?? 10;
  // A try may take a lookup and a send, each possibly repeated once on a fresh connection.
  const leaseMs = Math.max(opts.leaseMs ?? 60_000, 4 * config.timeoutMs + 5_000);
  const random = opts.random ?? Math.random;
  // No destination takes more than half the slots while another could use them.
  const perDestination = destinations.length > 1 ? Math.max(1, Math.ceil(limit / 2)) : limit;
  const inFlight = new Map<string, number>();
  let running = 0;
  let claims = 0;
  let wake: () => void = () => undefined;

  const tally = (settled: PromiseSettledResult<AttemptRecord & { recorded: boolean }>) => {
    // A row whose result could not be recorded (database gone) must not stop the others; its
    // lease runs out and the next drainer treats it as possibly sent.
    if (settled.status === 'rejected') console.error('[dispatch] could not record an attempt', settled.reason);
    const result = settled.status === 'fulfilled' ? settled.value : null;
    if (!result?.recorded) report.lost += 1;
    else if (result.outcome === 'sent' || result.outcome === 'found') report.sent += 1;
    else if (result.outcome === 'retry') report.retried += 1;
    else if (result.outcome === 'needs_check') report.needsCheck += 1;
    else report.failed += 1;
  };

  const start = (row: ClaimedRow) => {
    running += 1;
    inFlight.set(row.destination, (inFlight.get(row.destination) ?? 0) + 1);
    void processRow(row, config, random)
      .then(
        (value) => tally({ status: 'fulfilled', value }),
        (reason: unknown) => tally({ status: 'rejected', reason }),
      )
      .finally(() => {
        running -= 1;
        inFlight.set(row.destination, (inFlight.get(row.destination) ?? 1) - 1);
        wake();
      });
  };

  const mayClaim = () => (opts.deadline === undefined || Date.now() < opts.deadline) && (opts.maxBatches === undefined || claims < opts.maxBatches);

  for (;;) {
    let started = 0;
    if (mayClaim()) {
      for (const destination of destinations) {
        const free = Math.min(limit - running, perDestination - (inFlight.get(destination) ?? 0));
        if (free <= 0 || !mayClaim()) continue;
        const rows = await claimOutbox({ limit: free, leaseMs, destinations: [destination], actionIds: opts.actionIds, alertIds: opts.alertIds });
        if (rows.length === 0) continue;
        claims += 1;
        report.claimed += rows.length;
        started += rows.length;
        for (const row of rows) start(row);
      }
    }
    if (started > 0) continue;
    // Nothing to start now. Wait for a request to finish or a row to fall due; stop when neither
    // can happen (nothing in flight, and nothing due before the deadline).
    const canClaim = mayClaim();
    const due =
      canClaim && (running > 0 || opts.deadline !== undefined) ? await nextDueAt({ destinations, actionIds: opts.actionIds, alertIds: opts.alertIds }) : null;
    const until = due?.getTime() ?? null;
    if (running === 0 && (until === null || opts.deadline === undefined || until >= opts.deadline)) break;
    // Due already yet not claimable (another drainer is taking it): look again shortly.
    let wait = until === null || until <= Date.now() ? POLL_MS : until - Date.now();
    if (running > 0) wait = Math.min(wait, POLL_MS);
    await new Promise<void>((resolve) => {
      wake = resolve;
      void sleep(wait).then(resolve);
    });
    wake = () => undefined;
  }
  return report;
}
