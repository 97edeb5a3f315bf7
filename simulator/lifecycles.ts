import { atomsCurrentCall } from './atoms-current-lifecycle';
import { atomsCall } from './atoms-lifecycle';
import { miniVoiceCall } from './minivoice-lifecycle';
import { miraiCall, type MiraiLedger } from './mirai-lifecycle';
import { miraiV2Call } from './mirai-v2-lifecycle';
import { makeOrder } from './orders';
import { createRng, seedFromString, type Rng } from './prng';
import { DEFAULT_SIM_PROVIDERS, type SimProvider } from './sign';
import {
  ATOMS_CURRENT_OUTCOMES,
  ATOMS_OUTCOMES,
  DAY,
  HOUR,
  MINUTE,
  MINIVOICE_OUTCOMES,
  MIRAI_OUTCOMES,
  MIRAI_V2_OUTCOMES,
  type AtomsCurrentOutcome,
  type AtomsOutcome,
  type MiraiOutcome,
  type MiraiV2Outcome,
  type SimCall,
  type SimOutcome,
} from './types';

export { createRng, seedFromString, type Rng } from './prng';
export * from './types';

export interface GenerateCallsOptions {
  count: number;
  seed: number;
  now: Date;
  providers?: readonly SimProvider[];
  /** Calls start within the last `days` days (default 7). */
  days?: number;
}

// Mirai carries the richest lifecycle, so it gets half the calls. The newer dialects come last, so
// runs without it draw exactly the calls they drew before it existed.
const PROVIDER_PATTERN: readonly SimProvider[] = ['mirai', 'minivoice', 'mirai', 'atoms', 'mirai-v2', 'atoms-current'];

const OUTCOME_WEIGHTS: { [P in SimProvider]: readonly (readonly [SimOutcome, number])[] } = {
  mirai: [
    ['answered', 50], ['busy', 10], ['no_answer_rescheduled_answered', 12], ['validation_failed', 5],
    ['timeout', 6], ['aborted', 7], ['skip', 5],
  ] satisfies (readonly [MiraiOutcome, number])[],
  'mirai-v2': [['answered', 55], ['busy', 10], ['no_answer', 15], ['voicemail', 8], ['timeout', 4], ['aborted', 8]] satisfies (readonly [MiraiV2Outcome, number])[],
  'atoms-current': [['completed', 70], ['no_answer', 15], ['busy', 10], ['failed', 5]] satisfies (readonly [AtomsCurrentOutcome, number])[],
  minivoice: [['completed', 1]],
  atoms: [['successful', 6], ['unsuccessful', 2], ['callback_requested', 2]] satisfies (readonly [AtomsOutcome, number])[],
};
const ALL_OUTCOMES: { [P in SimProvider]: readonly SimOutcome[] } = { mirai: MIRAI_OUTCOMES, 'mirai-v2': MIRAI_V2_OUTCOMES, minivoice: MINIVOICE_OUTCOMES, atoms: ATOMS_OUTCOMES, 'atoms-current': ATOMS_CURRENT_OUTCOMES };

/**
 * The webhook bodies of `count` realistic calls, oldest first. Deterministic for a given
 * `seed` and `now`. Ids come from both, so a later run with the same seed is the same story
 * about new calls: Mirai v1 bodies carry no event id, and re-sent calls with shifted times
 * would otherwise fold into the old calls as conflicting events (and double their credits).
 * Each provider's first calls cycle through all its outcomes.
 */
export function generateCalls(opts: GenerateCallsOptions): SimCall[] {
  const rng = createRng(opts.seed);
  const providers = opts.providers ?? DEFAULT_SIM_PROVIDERS;
  const pattern = PROVIDER_PATTERN.filter((p) => providers.includes(p));
  if (pattern.length === 0) throw new Error(`no known provider in: ${providers.join(', ')}`);
  const nowMs = opts.now.getTime();
  const days = opts.days ?? 7;

  const seen: Record<SimProvider, number> = { mirai: 0, 'mirai-v2': 0, minivoice: 0, atoms: 0, 'atoms-current': 0 };
  const plans = Array.from({ length: opts.count }, (_, i) => {
    const provider = pattern[i % pattern.length] as SimProvider;
    const n = seen[provider]++;
    const outcome = ALL_OUTCOMES[provider][n] ?? rng.weighted(OUTCOME_WEIGHTS[provider]);
    return { provider, outcome, startMs: startTime(rng, nowMs, days) };
  }).sort((a, b) => a.startMs - b.startMs);

  const idRng = createRng(opts.seed ^ seedFromString(String(nowMs)));
  const ids = new Set<string>();
  const uniqueId = (make: () => string) => {
    let id = make();
    while (ids.has(id)) id = make();
    ids.add(id);
    return id;
  };
  const ledger: MiraiLedger = { halves: 2 * rng.int(400, 1200) };
  let miraiCount = 0;

  return plans.map(({ provider, outcome, startMs }) => {
    const order = makeOrder(rng);
    switch (provider) {
      case 'mirai':
        return miraiCall({
          rng, startMs, order, ledger,
          outcome: outcome as MiraiOutcome,
          // Mongo-style 24-hex ids, as in recent Mirai examples.
          callId: uniqueId(() => idRng.hex(24)),
          actionStyle: miraiCount++ % 2 === 0 ? 'snake' : 'kebab',
        });
      case 'mirai-v2':
        return miraiV2Call({
          rng, startMs, order,
          outcome: outcome as MiraiV2Outcome,
          callId: uniqueId(() => `call_${idRng.alnum(26)}`),
          eventId: () => `evt_${idRng.alnum(26)}`,
        });
      case 'atoms-current':
        return atomsCurrentCall({
          rng, startMs, order,
          outcome: outcome as AtomsCurrentOutcome,
          callId: uniqueId(() => `CALL-${startMs}-${idRng.hex(6)}`),
          eventId: () => idRng.hex(24),
        });
      case 'minivoice':
        return miniVoiceCall({ rng, startMs, order, callId: uniqueId(() => `call_${idRng.alnum(20)}`) });
      case 'atoms':
        return atomsCall({ rng, startMs, order, outcome: outcome as AtomsOutcome, callId: uniqueId(() => `call_${idRng.alnum(12)}`) });
    }
  });
}

/**
 * A start time within the last `days` days, in Indian working hours (09:30–20:30 IST), and at
 * least two hours ago so every later event of the call (retries included) is in the past.
 */
function startTime(rng: Rng, nowMs: number, days: number): number {
  const IST = 5.5 * HOUR;
  const istMidnight = Math.floor((nowMs + IST) / DAY) * DAY - IST;
  let start = istMidnight - rng.int(0, Math.max(0, days - 1)) * DAY + 9.5 * HOUR + rng.int(0, 11 * 60) * MINUTE + rng.int(0, 59) * 1000;
  while (start > nowMs - 2 * HOUR) start -= DAY;
  return start;
}

/** Each event followed by an identical copy with probability `probability`, as a retrying sender would. */
export function withDuplicates(calls: readonly SimCall[], probability: number, seed: number): SimCall[] {
  if (probability <= 0) return [...calls];
  const rng = createRng(seed ^ 0x5bd1e995);
  return calls.map((call) => ({ ...call, events: call.events.flatMap((event) => (rng.chance(probability) ? [event, event] : [event])) }));
}
