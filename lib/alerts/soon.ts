import 'server-only';
import { after } from 'next/server';
import type { AlertRule } from './rules';

// Evaluation right after the writes that can open or close an alert (a delivery stored or
// refused, a decision, an undo, a redispatch): the rules named are evaluated after the response,
// never blocking or failing the write. Everything asked for in one request, and in the few
// seconds after the last evaluation on this instance, is coalesced into one evaluation; the
// every-minute cron (GET /api/cron/alerts) catches whatever this misses.
//
// The evaluation itself (lib/commands/alerts/evaluate.ts) sits floors above the code that calls
// this (lib/ingest, lib/commands), so it is registered at start-up (instrumentation.ts) rather
// than imported here; until it is (scripts, tests), this does nothing.

type Evaluator = (rules: AlertRule[]) => Promise<unknown>;

interface SoonState {
  evaluator: Evaluator | null;
  rules: Set<AlertRule>;
  scheduled: boolean;
  scheduledAt: number;
  lastRunAt: number;
}

/** At most one evaluation per instance this often: a burst of webhooks is one evaluation. */
export const MIN_GAP_MS = 5_000;
/** A flush that never ran (its request died with it) stops holding back new ones after this. */
const STALE_MS = 30_000;

const globalForAlerts = globalThis as unknown as { callboardAlertsSoon?: SoonState };
// On globalThis: instrumentation.ts and the route bundles may each load their own copy of this module.
globalForAlerts.callboardAlertsSoon ??= { evaluator: null, rules: new Set(), scheduled: false, scheduledAt: 0, lastRunAt: 0 };
const state: SoonState = globalForAlerts.callboardAlertsSoon;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Called once at start-up with the evaluation (instrumentation.ts). */
export function registerAlertEvaluator(evaluator: Evaluator | null): void {
  state.evaluator = evaluator;
}

async function flush(): Promise<void> {
  const wait = state.lastRunAt + MIN_GAP_MS - Date.now();
  if (wait > 0) await sleep(wait);
  // Taken and reset in one synchronous step: rules asked for from now on start the next round.
  const rules = [...state.rules];
  state.rules.clear();
  state.scheduled = false;
  state.lastRunAt = Date.now();
  const evaluate = state.evaluator;
  if (!evaluate || rules.length === 0) return;
  try {
    await evaluate(rules);
  } catch (error) {
    console.error('[alerts] evaluating after a write failed; the every-minute cron will evaluate again', error);
  }
}

/** Evaluates `rules` after the response (coalesced, at most once per MIN_GAP_MS per instance). Never throws. */
export function evaluateAlertsSoon(rules: readonly AlertRule[]): void {
  if (!state.evaluator || rules.length === 0) return;
  for (const rule of rules) state.rules.add(rule);
  if (state.scheduled && Date.now() - state.scheduledAt < STALE_MS) return;
  try {
    after(flush);
    state.scheduled = true;
    state.scheduledAt = Date.now();
  } catch {
    // No request scope (a script): left for the cron.
    state.rules.clear();
  }
}
