import { describe, expect, it, vi } from 'vitest';
import { alertsOf, MINUTE, pendingActions, recentMoment } from '@/test/alerts';
import { approver } from '@/test/dispatch';
import { post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Evaluation right after the writes that can open or close an alert: the write asks for the
// rules it can affect, the evaluation runs after the response (next/server's after(), captured
// here), and an evaluation that fails never fails the write.

const scheduled: (() => Promise<void>)[] = [];
vi.mock('next/server', async (original) => ({
  ...(await original<typeof import('next/server')>()),
  after: (callback: () => Promise<void>) => void scheduled.push(callback),
}));

useTestSecrets();
const { registerAlertEvaluator } = await import('@/lib/alerts/soon');
const { evaluateAlerts } = await import('@/lib/commands/alerts/evaluate');
const { decideAction } = await import('@/lib/commands/actions/decide');

const asked: string[][] = [];
/** Runs what the responses left behind; returns the rules each evaluation was asked for. */
async function afterResponses(): Promise<string[][]> {
  asked.length = 0;
  const run = scheduled.splice(0);
  for (const callback of run) await callback();
  return asked.map((rules) => [...rules].sort());
}

const miraiBody = (marker: string) => ({ metadata: { marker }, event: { type: 'call.completed', data: { call: { id: marker, status: 'completed' } } } });

describe('alerts evaluated after writes', () => {
  it('a refused delivery asks for provider_refusing, an accepted one for what it can end, a decision for waiting_approval; a failing evaluation fails none of them', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerAlertEvaluator(async (rules) => {
      asked.push(rules);
      throw new Error('evaluation broke');
    });
    try {
      const refused = await post('mirai', miraiBody(uid('refused')), { secret: 'sk_not_the_right_secret' });
      expect(refused.status).toBe(401);
      expect(await afterResponses()).toEqual([['provider_refusing']]);
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/^\[alerts\]/), expect.any(Error));

      const accepted = await post('mirai', miraiBody(uid('accepted')));
      expect(accepted.status).toBe(200);
      expect(await afterResponses()).toEqual([['provider_refusing', 'provider_silent', 'waiting_approval']]);

      const [id] = await pendingActions(uid('kind').toLowerCase(), [new Date(Date.now() - 20 * MINUTE)]);
      const decided = await decideAction(approver, String(id), { decision: 'reject', note: 'test' });
      expect(decided.status).toBe('rejected');
      expect(await afterResponses()).toEqual([['waiting_approval']]);
    } finally {
      registerAlertEvaluator(null);
      error.mockRestore();
    }
  });

  it('refused deliveries (signed with the wrong secret) open provider_refusing when evaluated', async () => {
    registerAlertEvaluator(null);
    const marker = uid('refusing');
    for (let i = 0; i < 4; i++) expect((await post('mirai', { ...miraiBody(marker), n: i })).status).toBeLessThan(300);
    for (let i = 0; i < 2; i++) expect((await post('mirai', { ...miraiBody(marker), n: 10 + i }, { secret: 'sk_not_the_right_secret' })).status).toBe(401);
    // Moved to a moment only this test's deliveries occupy (others post at the present).
    const m = recentMoment();
    await testDb().query(
      `WITH d AS (SELECT id, row_number() OVER (ORDER BY received_at DESC, id) AS n FROM delivery WHERE position(convert_to($1, 'UTF8') IN body) > 0)
       UPDATE delivery SET received_at = $2::timestamptz - make_interval(secs => d.n::int * 30) FROM d WHERE delivery.id = d.id`,
      [marker, m],
    );
    const report = await evaluateAlerts({ rules: ['provider_refusing'], now: m });
    const opened = report.opened.find((a) => a.subject === 'mirai');
    expect(opened?.title).toMatch(/^Mirai Minds: 2 of 6 deliveries refused in the last 15 min — /);
    expect((await alertsOf('provider_refusing', 'mirai')).filter((a) => a.state === 'open').map((a) => a.id)).toEqual([opened?.id]);
    // Nothing after it: resolved once the damping has passed.
    await evaluateAlerts({ rules: ['provider_refusing'], now: new Date(m.getTime() + 20 * MINUTE) });
    expect((await alertsOf('provider_refusing', 'mirai')).find((a) => a.id === opened?.id)?.state).toBe('resolved');
  });
});
