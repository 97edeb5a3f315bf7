import { afterAll, describe, expect, it } from 'vitest';
import { alertsOf, freshKind, MINUTE, pendingActions } from '@/test/alerts';
import { slackFake } from '@/test/fake-destinations';
import { testDb } from '@/test/webhooks';

// The lifecycle on real rows: an alert opens once when its condition starts (one 'opened'
// notification queued), stays open while it holds (none), resolves once when it has ended for
// the damping (one 'resolved'); a flapping condition stays open; evaluations racing each other
// open one alert. The notifications are counted where they land: the outbox rows of a real
// channel (a local Slack-compatible receiver, configured before the settings are first read);
// what is sent from there is tested in alert-notifications.integration.test.ts.

const slack = await slackFake();
process.env.SLACK_WEBHOOK_URL = `${slack.origin}/services/T000/B000/lifecycle`;
process.env.DISPATCH_ALLOW_INSECURE_HOSTS = '127.0.0.1';
const { evaluateAlerts } = await import('@/lib/commands/alerts/evaluate');
afterAll(() => slack.close());

const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
/** The notifications queued for this subject's alerts, in order: [alert id, event] per outbox row. */
async function notified(subject: string): Promise<{ alertId: string; event: string }[]> {
  const { rows } = await testDb().query<{ alert_id: string; alert_event: string }>(
    `SELECT o.alert_id, o.alert_event FROM dispatch_outbox o JOIN alert a ON a.id = o.alert_id
     WHERE a.subject = $1 AND o.destination = 'slack' ORDER BY o.created_at, o.alert_event DESC`,
    [subject],
  );
  return rows.map((r) => ({ alertId: r.alert_id, event: r.alert_event }));
}
const eventsOf = async (subject: string) => (await notified(subject)).map((n) => n.event);
const setPending = (kind: string, pending: boolean) =>
  testDb().query(`UPDATE action SET status = $2 WHERE kind = $1`, [kind, pending ? 'pending' : 'rejected']);
const evaluate = (now: Date) => evaluateAlerts({ rules: ['waiting_approval'], now });

describe('alert lifecycle', () => {
  it('opens once, stays open (no notification) while it holds, resolves once after the damping', async () => {
    const kind = freshKind();
    const t0 = new Date();
    await pendingActions(kind, [at(t0, -20)]);
    for (let i = 0; i < 3; i++) await evaluate(at(t0, i));
    expect(await eventsOf(kind)).toEqual(['opened']);
    const [open] = await alertsOf('waiting_approval', kind);
    expect(open).toMatchObject({ state: 'open', opened_at: t0 });
    // Refreshed while holding: the title follows the condition (the oldest has waited longer).
    expect(open?.title).toMatch(/oldest 22 min$/);

    await setPending(kind, false);
    await evaluate(at(t0, 3));
    await evaluate(at(t0, 6));
    expect(await eventsOf(kind)).toEqual(['opened']);
    await evaluate(at(t0, 7));
    await evaluate(at(t0, 8));
    expect(await eventsOf(kind)).toEqual(['opened', 'resolved']);
    expect((await alertsOf('waiting_approval', kind)).map((a) => a.state)).toEqual(['resolved']);
  });

  it('a condition flapping within the damping stays one open alert; after a real gap it opens again', async () => {
    const kind = freshKind();
    const t0 = new Date();
    await pendingActions(kind, [at(t0, -30)]);
    await evaluate(t0);
    for (let i = 1; i <= 8; i++) {
      await setPending(kind, i % 2 === 0);
      await evaluate(at(t0, 2 * i));
    }
    expect(await eventsOf(kind)).toEqual(['opened']);
    await setPending(kind, false);
    await evaluate(at(t0, 30));
    expect(await eventsOf(kind)).toEqual(['opened', 'resolved']);
    await setPending(kind, true);
    await evaluate(at(t0, 31));
    expect(await eventsOf(kind)).toEqual(['opened', 'resolved', 'opened']);
    const alerts = await alertsOf('waiting_approval', kind);
    expect(alerts.map((a) => a.state)).toEqual(['resolved', 'open']);
    // Each notification belongs to its own alert.
    expect(new Set((await notified(kind)).filter((n) => n.event === 'opened').map((n) => n.alertId)).size).toBe(2);
  });

  it('evaluations racing each other open one alert and notify once', async () => {
    const kind = freshKind();
    const t0 = new Date();
    await pendingActions(kind, [at(t0, -16)]);
    const reports = await Promise.all(Array.from({ length: 6 }, () => evaluate(t0)));
    expect(reports.flatMap((r) => r.opened).filter((a) => a.subject === kind)).toHaveLength(1);
    expect(await eventsOf(kind)).toEqual(['opened']);
    expect(await alertsOf('waiting_approval', kind)).toHaveLength(1);
  });

  it('the database itself refuses a second open alert for one rule and subject', async () => {
    const subject = freshKind();
    await testDb().query(`INSERT INTO alert (rule, subject, title) VALUES ('waiting_approval', $1, 'first')`, [subject]);
    await expect(testDb().query(`INSERT INTO alert (rule, subject, title) VALUES ('waiting_approval', $1, 'second')`, [subject])).rejects.toThrow(
      /alert_one_open_idx/,
    );
    await testDb().query(`UPDATE alert SET state = 'resolved', resolved_at = now() WHERE subject = $1`, [subject]);
    await testDb().query(`INSERT INTO alert (rule, subject, title) VALUES ('waiting_approval', $1, 'third')`, [subject]);
    expect((await alertsOf('waiting_approval', subject)).map((a) => a.state).sort()).toEqual(['open', 'resolved']);
  });
});
