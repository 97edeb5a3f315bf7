import { createRng } from './prng';
import type { SimCall } from './types';

// Providers retry and fan out over several workers, so a call's events can arrive in any
// order; the fold must give the same call whatever the order. This reorders on purpose.

/** With probability `probability`, a call's events are shuffled (Fisher–Yates, seeded). */
export function withOutOfOrder(calls: readonly SimCall[], probability: number, seed: number): SimCall[] {
  if (probability <= 0) return [...calls];
  const rng = createRng(seed ^ 0x2545f491);
  return calls.map((call) => {
    if (!rng.chance(probability) || call.events.length < 2) return call;
    const events = [...call.events];
    for (let i = events.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [events[i], events[j]] = [events[j] as (typeof events)[number], events[i] as (typeof events)[number]];
    }
    return { ...call, events };
  });
}
