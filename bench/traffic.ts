import { generateCalls, type SimCall, withDuplicates } from '../simulator/lifecycles';
import type { SignableProvider } from '../simulator/sign';
import { storyById } from '../simulator/stories';

// Pre-generated deliveries, serialised once so the client spends its share of the 2 cores on
// sending, not on JSON.stringify. Signing happens at send time (MiniVoice signs a timestamp).

export interface Delivery {
  provider: SignableProvider;
  body: string;
  /** Unsigned extra headers the provider sends (MiniVoice names the event). */
  headers: Record<string, string>;
}

export interface Traffic {
  deliveries: Delivery[];
  /** Distinct (provider, body) pairs: each must become exactly one stored event. */
  distinct: Set<string>;
  /** Distinct (provider, call id) pairs: each must become exactly one call row. */
  calls: Set<string>;
}

export const identity = (d: Delivery): string => `${d.provider}\n${d.body}`;

/**
 * Keeps `width` calls open and takes one event from each in turn, so a call's events arrive in
 * order and `width` positions apart (already answered when the next is sent, with width above
 * the concurrency), while a duplicate sits right after its original and is usually in flight
 * beside it, as a provider retrying on a slow answer would do.
 */
export function interleave(calls: readonly SimCall[], width: number): Delivery[] {
  const out: Delivery[] = [];
  const open: { call: SimCall; next: number }[] = [];
  let nextCall = 0;
  while (open.length > 0 || nextCall < calls.length) {
    while (open.length < width && nextCall < calls.length) open.push({ call: calls[nextCall++]!, next: 0 });
    for (let k = 0; k < open.length; ) {
      const lane = open[k]!;
      const { events, provider } = lane.call;
      const event = events[lane.next]!;
      // withDuplicates repeats the very same object, so identity marks the copy.
      const copies = events[lane.next + 1] === event ? 2 : 1;
      const body = JSON.stringify(event);
      const headers = storyById(provider)?.headers?.(event) ?? {};
      for (let c = 0; c < copies; c++) out.push({ provider, body, headers });
      lane.next += copies;
      if (lane.next >= events.length) open.splice(k, 1);
      else k++;
    }
  }
  return out;
}

export interface TrafficOptions {
  calls: number;
  seed: number;
  duplicates: number;
  width: number;
  now: Date;
}

export function buildTraffic({ calls, seed, duplicates, width, now }: TrafficOptions): Traffic {
  // Ids derive from seed and now, so each seed is a set of calls no other round touches.
  const simulated = withDuplicates(generateCalls({ count: calls, seed, now }), duplicates, seed);
  const deliveries = interleave(simulated, width);
  return {
    deliveries,
    distinct: new Set(deliveries.map(identity)),
    calls: new Set(simulated.map((c) => `${c.provider}\n${c.providerCallId}`)),
  };
}
