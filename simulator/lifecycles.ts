import type { StoryInput } from '@/lib/providers/simulate';
import { makeOrder } from './orders';
import { createRng, type Rng, seedFromString } from './prng';
import { DEFAULT_SIM_PROVIDERS, type SimProvider } from './sign';
import { PATTERN, STORIES } from './stories';
import { DAY, HOUR, MINUTE, type SimCall } from './types';

export { createRng, type Rng, seedFromString } from './prng';
export * from './types';

export interface GenerateCallsOptions {
  count: number;
  seed: number;
  now: Date;
  providers?: readonly SimProvider[];
  /** Calls start within the last `days` days (default 7). */
  days?: number;
}

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
  const pattern = PATTERN.filter((story) => (providers as readonly string[]).includes(story.id));
  if (pattern.length === 0) throw new Error(`no known provider in: ${providers.join(', ')}`);
  const nowMs = opts.now.getTime();
  const days = opts.days ?? 7;

  const seen = new Map(STORIES.map((story) => [story, 0]));
  const plans = Array.from({ length: opts.count }, (_, i) => {
    const story = pattern[i % pattern.length]!;
    const n = seen.get(story)!;
    seen.set(story, n + 1);
    const outcome = story.outcomes[n] ?? rng.weighted(story.weights);
    return { story, outcome, startMs: startTime(rng, nowMs, days) };
  }).sort((a, b) => a.startMs - b.startMs);

  const idRng = createRng(opts.seed ^ seedFromString(String(nowMs)));
  const ids = new Set<string>();
  const uniqueId = (make: () => string) => {
    let id = make();
    while (ids.has(id)) id = make();
    ids.add(id);
    return id;
  };
  // Every story starts, in registry order, whether or not it is dealt: a story that draws from
  // `rng` when it starts (Mirai's credit balance) then draws the same numbers in every run.
  const tell = new Map(STORIES.map((story) => [story, story.start(rng)]));

  return plans.map(({ story, outcome, startMs }) => {
    const input: StoryInput = { rng, idRng, startMs, order: makeOrder(rng), outcome, uniqueId };
    return tell.get(story)!(input) as SimCall;
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
