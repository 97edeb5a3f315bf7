import { describe, expect, it } from 'vitest';
import { providerById } from '@/lib/providers/registry';
import { CALL_STATUSES, type NormalizedEvent } from '@/lib/providers/types';
import { localDate, wallClock } from '@/lib/time-zone';
import { DEMO_ZONE, demoCalls, demoDays } from './demo-plan';
import { expectedOf } from './expected';
import type { SimCall } from './types';

// The demo month, read the way Callboard will read it: each body through its provider's own
// normalizer, so what is asserted is what the dashboard will show, not what the plan meant.

const now = new Date('2026-12-05T17:20:00Z');
const calls = demoCalls({ now, seed: 20260801 });
const normalized = new Map(calls.map((c) => [c, c.events.map((e) => (providerById(c.provider) as { normalize(b: unknown): NormalizedEvent }).normalize(e))]));
const running = (c: SimCall) => c.outcome.endsWith('(still running)');
const finished = calls.filter((c) => !running(c));
const dayOf = (c: SimCall) => localDate(new Date(c.startedAt), DEMO_ZONE);

/** When the call happened, as the stored events can tell: its start, else its first provider-stamped event. */
function happened(c: SimCall): number | null {
  const events = normalized.get(c) ?? [];
  const starts = events.map((e) => e.facts.startedAt).filter((v): v is string => !!v);
  if (starts.length) return Math.min(...starts.map((v) => Date.parse(v)));
  const stamped = events.map((e) => e.occurredAt).filter((v): v is string => !!v);
  return stamped.length ? Math.min(...stamped.map((v) => Date.parse(v))) : null;
}

const failed = (c: SimCall) => expectedOf(c).status !== 'completed';
const share = (list: SimCall[], test: (c: SimCall) => boolean) => list.filter(test).length / list.length;

describe('the demo month', () => {
  it('has calls on each of the last 30 days, all in the past', () => {
    const days = new Set(finished.map(dayOf));
    expect(days.size).toBe(30);
    expect(Math.min(...calls.map((c) => Date.parse(c.startedAt)))).toBeGreaterThan(now.getTime() - 31 * 86_400_000);
    expect(Math.max(...calls.map((c) => Date.parse(c.startedAt)))).toBeLessThan(now.getTime());
    expect(calls.length).toBeGreaterThan(300);
    expect(calls.length).toBeLessThan(700);
  });

  it('every call but one still dialling says when it happened, within a minute of its start', () => {
    // A not-connected Atoms call's first stamp is when it ended, up to 40 s after the dial.
    for (const c of calls) {
      const at = happened(c);
      if (c.outcome === 'answered (still running)' && c.events.length === 1) {
        expect(at).toBeNull();
        continue;
      }
      expect(at, `${c.provider} ${c.outcome}`).not.toBeNull();
      expect(Math.abs((at as number) - Date.parse(c.startedAt))).toBeLessThan(60_000);
    }
  });

  it('is busiest on weekday mornings in the stores’ zone', () => {
    const weekday = finished.filter((c) => ![0, 6].includes(new Date(`${dayOf(c)}T12:00:00Z`).getUTCDay()));
    const weekend = finished.filter((c) => [0, 6].includes(new Date(`${dayOf(c)}T12:00:00Z`).getUTCDay()));
    expect(weekday.length / 5).toBeGreaterThan((2 * weekend.length) / 2);
    const hour = (c: SimCall) => wallClock(new Date(c.startedAt), DEMO_ZONE).hour;
    expect(weekday.filter((c) => hour(c) >= 10 && hour(c) < 13).length).toBeGreaterThan(weekday.filter((c) => hour(c) >= 16 && hour(c) < 19).length * 1.5);
    for (const c of finished) expect(hour(c)).toBeGreaterThanOrEqual(9);
  });

  it('has a campaign spike and two bad days', () => {
    const plan = demoDays({ now, seed: 20260801 });
    const campaign = plan.filter((d) => d.kind === 'campaign');
    const ordinary = plan.filter((d) => d.kind === 'weekday');
    expect(campaign).toHaveLength(3);
    const mean = (days: typeof plan) => days.reduce((s, d) => s + d.calls, 0) / days.length;
    expect(mean(campaign)).toBeGreaterThan(2 * mean(ordinary));
    const bad = new Set(plan.filter((d) => d.kind === 'bad').map((d) => d.date));
    expect(bad.size).toBe(2);
    const onBad = finished.filter((c) => bad.has(dayOf(c)));
    const elsewhere = finished.filter((c) => !bad.has(dayOf(c)));
    expect(share(onBad, failed)).toBeGreaterThan(1.5 * share(elsewhere, failed));
    expect(finished.some((c) => (c.events[0]?.metadata as { campaign?: string } | undefined)?.campaign === 'festive-sale')).toBe(true);
  });

  it('ends in every status Callboard knows', () => {
    const statuses = new Set(finished.map((c) => expectedOf(c).status));
    // Calls still running add the three a finished call never ends in.
    for (const c of calls.filter(running)) {
      const facts = (normalized.get(c) ?? []).map((e) => e.facts.status).filter(Boolean);
      statuses.add(facts.at(-1) as string);
    }
    expect([...statuses].sort()).toEqual([...CALL_STATUSES].sort());
  });

  it('calls some customers more than once, including on calls that never connected', () => {
    const numberOf = (c: SimCall) =>
      (normalized.get(c) ?? [])
        .map((e) => (e.facts.metadata as { customerPhone?: string } | undefined)?.customerPhone ?? e.facts.customerNumber ?? e.facts.toNumber)
        .find(Boolean);
    const byNumber = new Map<string, SimCall[]>();
    for (const c of finished) {
      const n = numberOf(c);
      if (n) byNumber.set(n, [...(byNumber.get(n) ?? []), c]);
    }
    const repeated = [...byNumber.values()].filter((list) => list.length > 1);
    expect(repeated.length).toBeGreaterThanOrEqual(10);
    expect(repeated.some((list) => list.length >= 4)).toBe(true);
    const notConnected = finished.filter((c) => ['busy', 'no_answer', 'failed', 'validation_failed'].includes(expectedOf(c).status));
    expect(notConnected.every((c) => numberOf(c))).toBe(true);
  });

  it('raises actions of every kind, both spellings', () => {
    const kinds = new Set(finished.flatMap((c) => (normalized.get(c) ?? []).flatMap((e) => (e.action ? [e.action.kind] : []))));
    expect([...kinds].sort()).toEqual(['confirmed_address', 'create_order', 'mark_prepaid', 'send_whatsapp', 'update_address']);
  });

  it('runs the Mirai credit balance down and tops it up once', () => {
    const reports = finished
      .flatMap((c) => (normalized.get(c) ?? []).flatMap((e) => (e.credits ? [{ at: Date.parse(e.facts.endedAt ?? c.startedAt), ...e.credits }] : [])))
      .sort((a, b) => a.at - b.at);
    const balances = reports.map((r) => r.available as number);
    const rises = balances.filter((b, i) => i > 0 && b > (balances[i - 1] as number));
    expect(rises).toHaveLength(1);
    expect(Math.min(...balances)).toBeLessThan(40);
    expect(balances.at(-1)).toBeGreaterThan(Math.min(...balances));
  });
});
