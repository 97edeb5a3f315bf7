import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlertCondition, alertKey, type OpenAlert, planAlerts } from './plan';
import type { AlertRule } from './rules';

const cond = (rule: AlertRule, subject: string): AlertCondition => ({
  rule,
  subject,
  severity: 'warning',
  title: `${rule} ${subject}`,
  detail: null,
  link: null,
  facts: {},
});
const NOW = new Date('2026-12-08T12:00:00Z');
const MIN = 60_000;
const DAMPING = 5 * MIN;

describe('planAlerts', () => {
  it('opens a condition with no open alert, once even when reported twice', () => {
    const plan = planAlerts([], [cond('waiting_approval', 'create_order'), cond('waiting_approval', 'create_order')], NOW, DAMPING);
    expect(plan.open).toHaveLength(1);
    expect(plan.refresh).toEqual([]);
    expect(plan.resolve).toEqual([]);
  });

  it('refreshes an open alert whose condition holds, without opening another', () => {
    const open: OpenAlert = { id: 'a', rule: 'low_credits', subject: 'all', lastTrueAt: new Date(NOW.getTime() - 60 * MIN) };
    const plan = planAlerts([open], [cond('low_credits', 'all')], NOW, DAMPING);
    expect(plan.open).toEqual([]);
    expect(plan.refresh.map((r) => r.alert.id)).toEqual(['a']);
  });

  it('keeps an alert whose condition stopped holding open until the damping has passed, then resolves it', () => {
    const at = (ago: number): OpenAlert => ({ id: 'a', rule: 'provider_refusing', subject: 'mirai', lastTrueAt: new Date(NOW.getTime() - ago) });
    expect(planAlerts([at(4 * MIN)], [], NOW, DAMPING)).toEqual({ open: [], refresh: [], resolve: [] });
    expect(planAlerts([at(5 * MIN)], [], NOW, DAMPING).resolve.map((a) => a.id)).toEqual(['a']);
    expect(planAlerts([at(0)], [], NOW, 0).resolve).toHaveLength(1);
  });

  const rules: AlertRule[] = ['waiting_approval', 'provider_silent'];
  const subjects = ['a', 'b', 'c'];
  const arbCondition = fc.record({ rule: fc.constantFrom(...rules), subject: fc.constantFrom(...subjects) }).map((k) => cond(k.rule, k.subject));
  /** A timeline: at each minute, which conditions hold (minutes may jump). */
  const arbSteps = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 12 }), holding: fc.array(arbCondition, { maxLength: 6 }) }), { maxLength: 40 });

  /** Runs the plan over a timeline, applying it as the evaluation does; returns every open and resolve. */
  function simulate(steps: { gap: number; holding: AlertCondition[] }[], damping: number) {
    let open: OpenAlert[] = [];
    let t = NOW.getTime();
    let n = 0;
    const events: { key: string; event: 'opened' | 'resolved'; at: number; lastTrueAt?: number }[] = [];
    for (const step of steps) {
      t += step.gap * MIN;
      const now = new Date(t);
      const plan = planAlerts(open, step.holding, now, damping);
      for (const r of plan.resolve) events.push({ key: alertKey(r), event: 'resolved', at: t, lastTrueAt: r.lastTrueAt.getTime() });
      const resolved = new Set(plan.resolve.map((r) => r.id));
      const refreshed = new Map(plan.refresh.map((r) => [r.alert.id, now]));
      open = open.filter((a) => !resolved.has(a.id)).map((a) => ({ ...a, lastTrueAt: refreshed.get(a.id) ?? a.lastTrueAt }));
      for (const c of plan.open) {
        events.push({ key: alertKey(c), event: 'opened', at: t });
        open.push({ id: `x${n++}`, rule: c.rule, subject: c.subject, lastTrueAt: now });
      }
      // The property the unique index enforces in the database: never two open for one key.
      const keys = open.map(alertKey);
      expect(new Set(keys).size).toBe(keys.length);
    }
    return events;
  }

  it('never has two open for one key; opens and resolves alternate; a reopen needs the damping gap (fast-check)', () => {
    fc.assert(
      fc.property(arbSteps, fc.integer({ min: 0, max: 10 }), (steps, dampingMinutes) => {
        const damping = dampingMinutes * MIN;
        const events = simulate(steps, damping);
        const byKey = new Map<string, typeof events>();
        for (const e of events) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
        for (const list of byKey.values()) {
          list.forEach((e, i) => {
            // opened, resolved, opened, … : never notified twice for one open.
            expect(e.event).toBe(i % 2 === 0 ? 'opened' : 'resolved');
            // A resolve comes only after the condition has been gone for the damping.
            if (e.event === 'resolved') expect(e.at - (e.lastTrueAt ?? 0)).toBeGreaterThanOrEqual(damping);
            // Reopening after a resolve: the condition was false for at least the damping in between.
            if (e.event === 'opened' && i > 0) expect(e.at - (list[i - 1]?.lastTrueAt ?? 0)).toBeGreaterThanOrEqual(damping);
          });
        }
      }),
    );
  });

  it('a condition that flaps faster than the damping opens once and stays open', () => {
    const steps = Array.from({ length: 30 }, (_, i) => ({ gap: 1, holding: i % 3 === 0 ? [cond('provider_silent', 'a')] : [] }));
    const events = simulate(steps, DAMPING);
    expect(events.map((e) => e.event)).toEqual(['opened']);
  });
});
