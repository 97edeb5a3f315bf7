import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { signMirai } from '../lib/providers/mirai/simulate';
import { DEMO_SECRETS } from '../simulator/demo';
import { FIRST_DRAW } from './charts';
import { signIn } from './sign-in';

// What a person sees of alerts (issue 18). An action of a kind of its own waits past the limit
// (raised, then set an hour back in the database), the evaluation runs (GET /api/cron/alerts with
// the secret), and the bell, the alerts page and Acknowledge show it; once decided and past the
// damping, it resolves. Then the browser side: notifications asked for on a click, one when new
// actions arrive, and the pending count in the tab's title.

const CRON_SECRET = 'e2e-cron-secret-0123456789';

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function evaluateAlerts(page: Page): Promise<void> {
  const res = await page.request.get('/api/cron/alerts', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(res.status(), await res.text()).toBe(200);
}

/** A pending action of `kind` on a call of its own, raised `ago` (a Postgres interval) ago; its id. */
async function raiseAction(page: Page, kind: string, ago: string): Promise<string> {
  const callId = `e2e-alert-${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({ event: { type: 'action', data: { action: kind, call: { id: callId }, reason: 'e2e alert', payload: { note: 'probe' } } } });
  const res = await page.request.post('/api/webhooks/mirai', {
    headers: { 'content-type': 'application/json', ...signMirai(body, DEMO_SECRETS.mirai) },
    data: body,
  });
  expect(res.status()).toBe(200);
  const [row] = await sql<{ id: string }>(`UPDATE action SET created_at = now() - $2::interval WHERE provider_call_id = $1 RETURNING id`, [callId, ago]);
  if (!row) throw new Error('the action was not stored');
  return row.id;
}

test('an action waiting past the limit: the bell, the alerts page, acknowledge, resolved', async ({ page }) => {
  test.slow();
  // A kind nobody else raises, so this alert (one per kind) is this test's alone.
  const kind = `alert_probe_${randomUUID().slice(0, 6)}`;
  await signIn(page, 'approver@callboard.local');
  const actionId = await raiseAction(page, kind, '1 hour');
  await evaluateAlerts(page);

  // The bell counts it and lists it, linking to the approvals of that kind.
  await page.reload();
  const bell = page.getByTestId('alerts-bell');
  await expect(page.getByTestId('alerts-count')).toBeVisible();
  await bell.click();
  const item = page.getByTestId('bell-alert').filter({ hasText: kind });
  await expect(item).toContainText('waiting over 15 min');
  await expect(item).toHaveAttribute('href', `/approvals?kind=${kind}`);
  await page.screenshot({ path: 'test-results/e2e/alerts-bell.png' });

  // The link opens the queue narrowed to that kind: this action alone, and a way back to all.
  await page.goto(`/approvals?kind=${kind}`);
  await expect(page.getByTestId('kind-filter')).toContainText(kind.replaceAll('_', ' '));
  await expect(page.locator('[data-action-id]')).toHaveCount(1);
  await expect(page.locator(`[data-action-id="${actionId}"]`)).toBeVisible();
  await page.getByTestId('kind-filter').getByRole('button', { name: 'Show all' }).click();
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByTestId('kind-filter')).toHaveCount(0);
  await bell.click();

  // The alerts page: open, how long, acknowledged by whom.
  await page.getByRole('link', { name: 'All alerts' }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(page).toHaveTitle(/Alerts · Callboard$/);
  const row = page.getByTestId('alert-row').filter({ hasText: kind });
  await expect(row.getByTestId('alert-span')).toHaveText(/^open for /);
  await expect(row.getByTestId('alert-severity')).toHaveText(/Warning|Critical/);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(row.getByTestId('alert-ack')).toContainText('Acknowledged by approver@callboard.local');
  await expect(row.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/alerts-page.png', fullPage: true });

  // The tab's title carries the pending count the navigation badge shows (both read one poll).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const badge = document.querySelector('[data-testid="pending-count"]')?.textContent ?? '';
        return document.title.startsWith(badge ? `(${badge}) ` : 'Alerts');
      }),
    )
    .toBe(true);

  // Decided, and quiet for longer than the damping (set back here rather than waited for): resolved.
  const decided = await page.request.post(`/api/actions/${actionId}/decision`, { data: { decision: 'reject', note: 'e2e: probe' } });
  expect([200, 409]).toContain(decided.status());
  await sql(`UPDATE alert SET last_true_at = now() - interval '1 hour' WHERE rule = 'waiting_approval' AND subject = $1 AND state = 'open'`, [kind]);
  await evaluateAlerts(page);
  await page.getByRole('link', { name: 'Resolved' }).click();
  await expect(page).toHaveURL(/\/alerts\?state=resolved$/);
  const resolved = page.getByTestId('alert-row').filter({ hasText: kind });
  await expect(resolved.getByTestId('alert-span')).toHaveText(/^lasted /);
  await expect(resolved.getByTestId('alert-ack')).toContainText('Acknowledged by approver@callboard.local');
  await page.getByRole('link', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('alert-row').filter({ hasText: kind })).toHaveCount(0);
});

test('a viewer sees alerts but cannot acknowledge, and is offered no notifications', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { name: 'Alerts', exact: true })).toBeVisible();
  await expect(page.getByTestId('alerts-list').or(page.getByTestId('alerts-empty'))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Notify me of new actions' })).toHaveCount(0);
  // No count in a viewer's title: they do not decide.
  await expect(page).toHaveTitle('Alerts · Callboard');
});

test('notifications: asked for on a click, then one when new actions arrive; the title follows the count', async ({ page, context, baseURL }) => {
  test.slow();
  await context.grantPermissions(['notifications'], { origin: baseURL });
  // Every notification the page raises, captured (and still raised).
  await page.addInitScript(() => {
    const Real = window.Notification;
    const seen: { title: string; body?: string }[] = [];
    (window as unknown as { __notifications: typeof seen }).__notifications = seen;
    const Captured = function (this: unknown, title: string, options?: NotificationOptions) {
      seen.push({ title, body: options?.body });
      try {
        return new Real(title, options);
      } catch {
        return { close() {}, onclick: null };
      }
    } as unknown as typeof Notification;
    Object.defineProperty(Captured, 'permission', { get: () => Real.permission });
    Captured.requestPermission = Real.requestPermission.bind(Real);
    window.Notification = Captured;
  });
  // The count is this test's to set: other specs decide and raise actions meanwhile.
  let pending = 5;
  await page.route('**/api/actions/count', (route) => route.fulfill({ json: { pending, attention: 0 } }));
  const notifications = () => page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications);

  await signIn(page, 'approver@callboard.local');
  await expect(page).toHaveTitle('(5) Calls · Callboard', { timeout: 20_000 });

  // Not asked for yet: a rise says nothing.
  pending = 6;
  await expect(page).toHaveTitle('(6) Calls · Callboard', { timeout: 20_000 });
  expect(await notifications()).toEqual([]);

  await page.getByTestId('alerts-bell').click();
  await page.getByRole('button', { name: 'Notify me of new actions' }).click();
  await expect(page.getByTestId('notify-state')).toContainText('You get a notification when new actions arrive.');

  pending = 8;
  await expect
    .poll(notifications, { timeout: 20_000 })
    .toEqual([{ title: '2 new actions to decide', body: '8 pending in Callboard. Open Approvals to decide.' }]);
  await expect(page).toHaveTitle('(8) Calls · Callboard');

  // A decision lowers it: no notification, the title follows. Other pages carry it too.
  pending = 7;
  await expect(page).toHaveTitle('(7) Calls · Callboard', { timeout: 20_000 });
  expect(await notifications()).toHaveLength(1);
  await page.getByRole('link', { name: 'Approvals' }).click();
  await expect(page).toHaveTitle('(7) Approvals · Callboard', { timeout: 20_000 });

  // Switched off, it stays off in this browser.
  await page.getByTestId('alerts-bell').click();
  await page.getByRole('button', { name: 'Stop notifying me' }).click();
  await expect(page.getByRole('button', { name: 'Notify me of new actions' })).toBeVisible();
  pending = 9;
  await expect(page).toHaveTitle('(9) Approvals · Callboard', { timeout: 20_000 });
  // (This page's capture began with its load, after the one above.)
  expect(await notifications()).toEqual([]);
});

test('analytics says how fast decisions are made, by day and by approver, with its time and zone', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  // An action of its own decided two minutes after it was raised, today: the section has a decision to show.
  const actionId = await raiseAction(page, `decision_probe_${randomUUID().slice(0, 6)}`, '2 minutes');
  const decided = await page.request.post(`/api/actions/${actionId}/decision`, { data: { decision: 'approve' } });
  expect(decided.status(), await decided.text()).toBe(200);

  await page.goto('/analytics?range=7d');
  const section = page.getByRole('region', { name: 'How fast decisions are made' });
  await expect(section.getByRole('heading', { name: 'How fast decisions are made' })).toBeVisible();
  await expect(section.getByTestId('decisions-caption')).toContainText(
    /By when they were raised \(.+\)\. Time from an action raised to its approval or rejection; past the limit means it waited over \d+/,
  );
  await expect(section.getByTestId('decision-p50')).not.toHaveText('—');
  // A day with decisions is a point on the p50 line (a single day draws a dot, not a stroke).
  await expect(section.getByTestId('chart-decision-time').locator('.recharts-line-dot').first()).toBeVisible(FIRST_DRAW);
  await expect(section.getByTestId('decision-approvers').getByText('approver@callboard.local')).toBeVisible();
  await section.screenshot({ path: 'test-results/e2e/analytics-decisions.png' });
});
