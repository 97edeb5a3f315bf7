import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '@/lib/alerts/rules';
import { evaluateAlerts } from '@/lib/commands/alerts/evaluate';
import { pool } from '@/lib/db';
import { alertConditions, type ConditionContext } from '@/lib/queries/alerts/conditions';
import {
  addEvents,
  alertsOf,
  callWithEvents,
  creditEntry,
  DAY,
  deliveries,
  farMoment,
  freshKind,
  HOUR,
  MINUTE,
  pendingActions,
  recentMoment,
} from '@/test/alerts';
import { seedActions } from '@/test/dispatch';
import { testDb } from '@/test/webhooks';

// Each rule opens its alert when its condition starts and resolves it once it has ended (past
// the damping, 5 min by default), on real rows at moments only this file's rows occupy. Each
// evaluation is scoped to the rule under test, so tests of other rules (and other files) are
// left alone. Notifications are tested in alerts-lifecycle.

const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
const ctx = (now: Date, over: Partial<ConditionContext> = {}): ConditionContext => ({
  now,
  settings: DEFAULT_ALERT_RULES,
  lowBalanceThreshold: null,
  timeZone: null,
  ...over,
});

describe('waiting_approval', () => {
  it('opens for a kind with actions pending past 15 min, titled with the count and the oldest, and resolves once they are decided', async () => {
    const kind = freshKind();
    const now = new Date();
    await pendingActions(kind, [at(now, -42), at(now, -20), at(now, -3)]);
    await evaluateAlerts({ rules: ['waiting_approval'], now });
    const [alert, ...more] = await alertsOf('waiting_approval', kind);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      state: 'open',
      severity: 'warning',
      link: `/approvals?kind=${kind}`,
      facts: { count: 2, limitMinutes: 15, oldestMinutes: 42 },
    });
    expect(alert?.title).toBe(`2 ${kind} actions waiting over 15 min — oldest 42 min`);

    await testDb().query(`UPDATE action SET status = 'rejected', decided_at = now() WHERE kind = $1 AND created_at < $2`, [kind, at(now, -10)]);
    // Gone, but not yet for the damping: still open, nothing resolved.
    await evaluateAlerts({ rules: ['waiting_approval'], now: at(now, 1) });
    expect((await alertsOf('waiting_approval', kind)).map((a) => a.state)).toEqual(['open']);
    await evaluateAlerts({ rules: ['waiting_approval'], now: at(now, 6) });
    // The third action is 9 min old at now+6: under the limit.
    const after = await alertsOf('waiting_approval', kind);
    expect(after.map((a) => a.state)).toEqual(['resolved']);
    expect(after[0]?.resolved_at?.toISOString()).toBe(at(now, 6).toISOString());
  });

  it('a known kind is worded by its plug-in, one action alone; past four times the limit it is critical', async () => {
    const now = new Date();
    const conditions = await alertConditions(pool(), ['waiting_approval'], ctx(now));
    // create_order is shared with other files; the wording is checked on a fresh condition instead.
    expect(conditions.every((c) => c.rule === 'waiting_approval')).toBe(true);
    const kind = freshKind();
    await pendingActions(kind, [at(now, -61)]);
    const mine = (await alertConditions(pool(), ['waiting_approval'], ctx(now))).find((c) => c.subject === kind);
    expect(mine).toMatchObject({ severity: 'critical', title: `1 ${kind} action waiting over 15 min — oldest 61 min` });
  });

  it('a per-kind limit replaces the default for that kind only', async () => {
    const now = new Date();
    const [slow, fast] = [freshKind(), freshKind()];
    await pendingActions(slow, [at(now, -20)]);
    await pendingActions(fast, [at(now, -6)]);
    const settings = { ...DEFAULT_ALERT_RULES, waitingApproval: { ...DEFAULT_ALERT_RULES.waitingApproval, perKind: { [slow]: 30, [fast]: 5 } } };
    const found = (await alertConditions(pool(), ['waiting_approval'], ctx(now, { settings }))).map((c) => c.subject);
    expect(found).toContain(fast);
    expect(found).not.toContain(slow);
  });
});

describe('low_credits', () => {
  const PROVIDERS = ['mirai', 'mirai-v2', 'minivoice', 'atoms'];

  /** Every provider reports 100 left an hour before `m`, having spent 700 over the week before it (100 a day). */
  async function seedBalance(m: Date) {
    for (const p of PROVIDERS) await creditEntry(p, new Date(m.getTime() - HOUR), 0, 100);
    for (let d = 1; d <= 7; d++) await creditEntry('mirai', new Date(m.getTime() - d * DAY + HOUR), 100, null);
  }

  it('opens when the balance runs out within 3 days at the 7-day pace, and resolves after a top-up', async () => {
    const m = farMoment();
    await seedBalance(m);
    // 400 left at 100 a day: 4 days.
    expect((await evaluateAlerts({ rules: ['low_credits'], now: m })).opened.filter((a) => a.subject === 'all')).toEqual([]);
    // Another 350 spent, 50 left on mirai: 350 left at 150 a day, about 2 days.
    await creditEntry('mirai', at(m, 10), 350, 50);
    const report = await evaluateAlerts({ rules: ['low_credits'], now: at(m, 11) });
    expect(report.opened).toHaveLength(1);
    expect(report.opened[0]).toMatchObject({ subject: 'all', severity: 'warning', link: '/analytics' });
    expect(report.opened[0]?.title).toBe("Credits run out soon: 350 left, about 2 days left at the last 7 days' pace (150 a day)");
    await creditEntry('mirai', at(m, 12), 0, 10_000);
    expect((await evaluateAlerts({ rules: ['low_credits'], now: at(m, 13) })).resolved).toEqual([]);
    const resolved = await evaluateAlerts({ rules: ['low_credits'], now: at(m, 20) });
    expect(resolved.resolved.map((a) => a.id)).toEqual([report.opened[0]?.id]);
  });

  it('holds at or below the low-balance threshold, whatever the pace', async () => {
    const m = farMoment();
    for (const p of PROVIDERS) await creditEntry(p, at(m, -60), 0, 125);
    const none = await alertConditions(pool(), ['low_credits'], ctx(m, { lowBalanceThreshold: 499 }));
    expect(none).toEqual([]);
    const [c] = await alertConditions(pool(), ['low_credits'], ctx(m, { lowBalanceThreshold: 500 }));
    expect(c).toMatchObject({ subject: 'all', title: 'Credits low: 500 left, at or below the 500 threshold', facts: { balance: 500, threshold: 500 } });
    // Nothing spent: it never runs out, so only the threshold can hold.
    expect(await alertConditions(pool(), ['low_credits'], ctx(m))).toEqual([]);
  });
});

describe('provider_refusing', () => {
  it('opens at 20% refused of at least 5 deliveries in 15 min, with the cause, and resolves once deliveries are accepted again', async () => {
    const m = recentMoment();
    const minutes = (from: number, n: number) => Array.from({ length: n }, (_, i) => at(m, from + i));
    await deliveries('minivoice', minutes(-10, 7));
    await deliveries('minivoice', minutes(-3, 2), 'rejected', 'signature_invalid');
    // 2 of 9: 22%.
    const report = await evaluateAlerts({ rules: ['provider_refusing'], now: m });
    const opened = report.opened.find((a) => a.subject === 'minivoice');
    expect(opened).toMatchObject({ rule: 'provider_refusing', severity: 'warning', link: '/deliveries?provider=minivoice&outcome=rejected' });
    expect(opened?.title).toMatch(/^MiniVoice: 2 of 9 deliveries refused in the last 15 min — .*signature/i);
    // Accepted deliveries after; 16 min on the window holds them only.
    await deliveries('minivoice', minutes(2, 10));
    await evaluateAlerts({ rules: ['provider_refusing'], now: at(m, 16) });
    expect((await alertsOf('provider_refusing', 'minivoice')).find((a) => a.id === opened?.id)).toMatchObject({ state: 'resolved' });
  });

  it('under 5 deliveries or under the share holds nothing', async () => {
    const m = recentMoment();
    await deliveries('atoms', [at(m, -5), at(m, -4), at(m, -3)], 'rejected', 'unsigned_not_allowed');
    expect((await alertConditions(pool(), ['provider_refusing'], ctx(m))).filter((c) => c.subject === 'atoms')).toEqual([]);
    const later = at(m, 60);
    await deliveries(
      'atoms',
      Array.from({ length: 9 }, (_, i) => at(later, -10 + i)),
    );
    await deliveries('atoms', [at(later, -1)], 'rejected', 'unsigned_not_allowed');
    expect((await alertConditions(pool(), ['provider_refusing'], ctx(later))).filter((c) => c.subject === 'atoms')).toEqual([]);
  });
});

describe('provider_silent', () => {
  it('opens when a provider that usually delivers goes quiet (learned from its last week), and resolves when it speaks', async () => {
    // A day or a day and a half back: its week of Atoms traffic (to 8.75 days back) stays clear of
    // provider-health's moments (11–19 days back, Atoms among them) and of the refusal tests'
    // (recentMoment, 3–6 days back) silence hours, in the database every file shares.
    const m = new Date(Date.now() - DAY - Math.floor(Math.random() * 12 * 60) * MINUTE);
    // Atoms sent one delivery an hour for a week, then nothing for six hours; MiniVoice spoke meanwhile.
    await deliveries(
      'atoms',
      Array.from({ length: 168 }, (_, i) => new Date(m.getTime() - (6 + i) * HOUR)),
    );
    await deliveries('minivoice', [at(m, -9)]);
    const report = await evaluateAlerts({ rules: ['provider_silent'], now: m });
    const opened = report.opened.find((a) => a.subject === 'atoms');
    expect(opened?.title).toBe('Smallest.ai Atoms silent for 6 h — it usually sends about 1 an hour');
    await deliveries('atoms', [at(m, 1)]);
    await evaluateAlerts({ rules: ['provider_silent'], now: at(m, 10) });
    expect((await alertsOf('provider_silent', 'atoms')).find((a) => a.id === opened?.id)).toMatchObject({ state: 'resolved' });
  });

  it('with a working window, silence inside it for the set hours holds; outside it nothing', async () => {
    const day = farMoment(); // 12:00 UTC
    await deliveries('mirai-v2', [at(day, -180)]);
    const window = { days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '20:00' };
    const settings = { ...DEFAULT_ALERT_RULES, providerSilent: { enabled: true, hours: 2, window } };
    const inside = await alertConditions(pool(), ['provider_silent'], ctx(day, { settings, timeZone: 'UTC' }));
    expect(inside.find((c) => c.subject === 'mirai-v2')?.title).toBe('Mirai Minds v2 silent for 3 h inside working hours (08:00–20:00)');
    // 15:30 UTC is 21:00 in Kolkata: its window has closed.
    const evening = at(day, 210);
    expect(
      (await alertConditions(pool(), ['provider_silent'], ctx(evening, { settings, timeZone: 'Asia/Kolkata' }))).find((c) => c.subject === 'mirai-v2'),
    ).toBeUndefined();
    // Only one hour into the window (09:00 UTC): not yet.
    expect(
      (await alertConditions(pool(), ['provider_silent'], ctx(at(day, -180), { settings, timeZone: 'UTC' }))).find((c) => c.subject === 'mirai-v2'),
    ).toBeUndefined();
  });
});

describe('dispatch_failed', () => {
  it('opens per action whose dispatch failed or needs a check, and resolves once it is sent', async () => {
    const [failed, unsure] = await seedActions(2, 'create_order', () => ({}));
    await testDb().query(
      `INSERT INTO dispatch_outbox (action_id, kind, destination, payload, status, attempts, last_status)
       VALUES ($1, 'create_order', 'shopify', '{}', 'failed', 3, 422), ($2, 'create_order', 'shopify', '{}', 'needs_check', 1, NULL)`,
      [failed, unsure],
    );
    const now = new Date(Date.now() + 1000);
    await evaluateAlerts({ rules: ['dispatch_failed'], now });
    const [a] = await alertsOf('dispatch_failed', String(failed));
    const [b] = await alertsOf('dispatch_failed', String(unsure));
    expect(a).toMatchObject({
      state: 'open',
      severity: 'critical',
      title: 'An approved order could not be sent to shopify (HTTP 422)',
      link: `/approvals/${failed}`,
    });
    expect(b).toMatchObject({ state: 'open', severity: 'warning', title: 'An approved order may not have reached shopify — check before sending again' });

    await testDb().query(`UPDATE dispatch_outbox SET status = 'sent', sent_at = now(), updated_at = now() WHERE action_id = $1`, [failed]);
    await evaluateAlerts({ rules: ['dispatch_failed'], now: at(now, 6) });
    expect((await alertsOf('dispatch_failed', String(failed))).map((x) => x.state)).toEqual(['resolved']);
    expect((await alertsOf('dispatch_failed', String(unsure))).map((x) => x.state)).toEqual(['open']);
  });
});

describe('missing_events', () => {
  it("opens when a call's expected closing event is missing past the grace, and resolves once it arrives", async () => {
    const m = farMoment();
    const call = await callWithEvents('mirai-v2', at(m, -30), ['call.completed']);
    const report = await evaluateAlerts({ rules: ['missing_events'], now: m });
    const opened = report.opened.find((a) => a.subject === 'mirai-v2');
    expect(opened).toMatchObject({ title: 'Mirai Minds v2: 1 call missing call.processed past the 15 min grace', link: '/deliveries?provider=mirai-v2' });
    expect(opened?.facts.examples).toEqual([call.id]);
    await addEvents('mirai-v2', call.id, at(m, 1), ['call.processed']);
    await evaluateAlerts({ rules: ['missing_events'], now: at(m, 10) });
    expect((await alertsOf('missing_events', 'mirai-v2')).find((a) => a.id === opened?.id)).toMatchObject({ state: 'resolved' });
  });

  it('within the grace it holds nothing', async () => {
    const m = farMoment();
    await callWithEvents('mirai', at(m, -10), ['call.ended']);
    expect((await alertConditions(pool(), ['missing_events'], ctx(m))).filter((c) => c.subject === 'mirai')).toEqual([]);
  });
});
