import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { signMirai } from '../lib/providers/mirai/simulate';
import { DEMO_SECRETS } from '../simulator/demo';
import { signIn } from './sign-in';

// The queue's own behaviour: shortcuts on `?`, reasons, undo, one card per call, sorting, bulk
// decisions that ask once. Each scenario raises the actions it works on (a call of its own),
// so the specs deciding from the front and the back of the queue meanwhile cannot move them.

async function send(page: Page, event: unknown): Promise<void> {
  const body = JSON.stringify(event);
  const res = await page.request.post('/api/webhooks/mirai', {
    headers: { 'content-type': 'application/json', ...signMirai(body, DEMO_SECRETS.mirai) },
    data: body,
  });
  expect(res.status()).toBe(200);
}

/** A call of its own with an order naming the customer and a message that does not; returns its id. */
async function raiseCall(page: Page, opts: { summary?: string; firstName?: string; message?: boolean } = {}): Promise<{ callId: string; number: string }> {
  const callId = `e2e_${randomUUID().slice(0, 8)}`;
  const number = `+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const now = new Date().toISOString();
  if (opts.summary) {
    await send(page, {
      event: {
        type: 'call.completed',
        data: { call: { id: callId, status: 'completed', startedAt: now, endedAt: now, durationSeconds: 90 }, analysis: { summary: opts.summary } },
      },
    });
  }
  await send(page, {
    event: {
      type: 'action',
      data: {
        action: 'create_order',
        call: { id: callId },
        payload: {
          phone: number,
          lineItems: [{ variantId: '123', quantity: 1 }],
          shippingAddress: {
            firstName: opts.firstName ?? 'Kavya',
            lastName: 'Iyer',
            address1: '4 Residency Road',
            city: 'Bengaluru',
            zip: '560025',
            country: 'IN',
          },
          paymentMode: 'cod',
          cartTotal: 150,
        },
      },
    },
  });
  if (opts.message !== false)
    await send(page, { event: { type: 'action', data: { action: 'send_whatsapp', call: { id: callId }, reason: 'missing_address', payload: { number } } } });
  return { callId, number };
}

async function open(page: Page): Promise<void> {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  await expect(page.getByTestId('pending-action').first()).toBeVisible();
}

test('? lists every shortcut, Escape closes the list', async ({ page }) => {
  await open(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const key of ['j', 'k', 'a', 'e', 'r', 'u', 'x', 'Shift+A', 'Shift+R', 's', '?', 'Esc'])
    await expect(dialog.locator('kbd', { hasText: new RegExp(`^${key.replace(/[?+]/g, '\\$&')}$`) })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/e2e/approvals-shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('one call, one card: the message names the customer the order names, under the call summary', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const summary = 'Kavya confirmed one kurta, cash on delivery; the flat number was missing.';
  const { callId } = await raiseCall(page, { summary });
  await page.goto('/approvals');
  const group = page.locator(`[data-testid="call-card"]:has(a[href*="/calls/"])`).filter({ hasText: callId });
  await expect(group).toHaveCount(1);
  await expect(group.getByTestId('call-summary')).toHaveText(summary);
  await expect(group.getByTestId('call-customer')).toHaveText('Kavya Iyer');
  await expect(group.getByTestId('pending-action')).toHaveCount(2);
  const message = group.getByTestId('pending-action').filter({ has: page.getByTestId('whatsapp-details') });
  await expect(message).toContainText('Kavya Iyer');
  await expect(message).not.toContainText('Unknown customer');
});

test('a reason of spaces is refused beside the field; a common reason is one click away', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const { callId } = await raiseCall(page, { message: false });
  await page.goto('/approvals');
  const row = page.locator('[data-testid="call-card"]').filter({ hasText: callId }).getByTestId('pending-action');
  const id = await row.getAttribute('data-action-id');
  await row.getByRole('button', { name: 'Reject' }).click();
  await row.getByLabel('Reason for rejecting').fill('   ');
  await row.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(row.getByRole('alert')).toHaveText('Write a reason, or pick one of the common reasons.');
  await expect(page.locator(`[data-decided-id="${id}"]`)).toHaveCount(0);
  await row.getByRole('group', { name: 'Common reasons' }).getByRole('button').first().click();
  const picked = await row.getByLabel('Reason for rejecting').inputValue();
  expect(picked.trim()).not.toBe('');
  await row.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(page.locator(`[data-decided-id="${id}"]`).getByTestId('action-status')).toHaveText('rejected');
  await page.goto('/approvals?view=decided');
  await expect(page.locator(`[data-testid="decision-row"][data-id="${id}"]`)).toContainText(picked);
});

test('undo from the toast beside the item puts it back, pending and unsent; u undoes the latest', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const { callId } = await raiseCall(page);
  await page.goto('/approvals');
  const group = page.locator('[data-testid="call-card"]').filter({ hasText: callId });
  const order = group.getByTestId('pending-action').filter({ has: page.getByTestId('order-details') });
  const id = await order.getAttribute('data-action-id');
  await order.getByRole('button', { name: 'Approve' }).click();
  const receipt = group.locator(`[data-decided-id="${id}"]`);
  await expect(receipt.getByTestId('action-status')).toHaveText('approved');
  await receipt.getByRole('button', { name: /^Undo/ }).click();
  await expect(group.locator(`[data-action-id="${id}"]`)).toBeVisible();
  await expect(group.locator(`[data-action-id="${id}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(receipt).toHaveCount(0);
  const res = await page.request.get(`/api/actions/${id}`);
  expect(((await res.json()) as { action: { status: string } }).action.status).toBe('pending');

  // By keyboard: a approves the current action, u takes it back.
  await page.keyboard.press('a');
  await expect(receipt.getByTestId('action-status')).toHaveText('approved');
  await page.keyboard.press('u');
  await expect(group.locator(`[data-action-id="${id}"]`)).toBeVisible();

  // Once the window has closed the decision is final: no Undo, and the server says why.
  await group.locator(`[data-action-id="${id}"]`).getByRole('button', { name: 'Approve' }).click();
  await expect(receipt.getByRole('button', { name: /^Undo/ })).toBeVisible();
  await expect(receipt.getByRole('button', { name: /^Undo/ })).toHaveCount(0, { timeout: 20_000 });
  const late = await page.request.post(`/api/actions/${id}/undo`);
  expect(late.status()).toBe(409);
});

test('sorting: by waiting time the oldest call first, by urgency the soonest-closing message window first; kept in the URL', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await raiseCall(page);
  await page.goto('/approvals');
  await expect(page.getByTestId('call-card').first()).toBeVisible();
  const since = await page.getByTestId('call-card').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-since'))));
  expect(since).toEqual([...since].sort((a, b) => a - b));

  await page.getByRole('button', { name: 'Most urgent' }).click();
  await expect(page).toHaveURL(/sort=urgency/);
  await expect(page.getByRole('button', { name: 'Most urgent' })).toHaveAttribute('aria-pressed', 'true');
  const deadlines = await page.getByTestId('call-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-deadline')));
  const withDeadline = deadlines.filter((d) => d !== null).map(Number);
  expect(withDeadline.length).toBeGreaterThan(0);
  // Every card with an open window comes first, soonest-closing first.
  expect(deadlines.slice(0, withDeadline.length).every((d) => d !== null)).toBe(true);
  expect(withDeadline).toEqual([...withDeadline].sort((a, b) => a - b));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Most urgent' })).toHaveAttribute('aria-pressed', 'true');
});

test('bulk: the selection states its count and asks once', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const { callId } = await raiseCall(page);
  await page.goto('/approvals');
  const group = page.locator('[data-testid="call-card"]').filter({ hasText: callId });
  const rows = group.getByTestId('pending-action');
  const ids = await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-action-id')));
  for (const id of ids) await page.locator(`[data-action-id="${id}"]`).getByRole('checkbox').check();
  const bar = page.getByTestId('bulk-bar');
  await bar.getByRole('button', { name: 'Approve 2 selected…' }).click();
  const ask = bar.getByRole('alertdialog', { name: 'Confirm bulk approval' });
  await expect(ask).toContainText('Approve 2 actions?');
  // Nothing is decided until the question is answered.
  for (const id of ids) await expect(page.locator(`[data-decided-id="${id}"]`)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/approvals-bulk-ask.png' });
  await ask.getByRole('button', { name: 'Approve 2' }).click();
  for (const id of ids) await expect(page.locator(`[data-decided-id="${id}"]`).getByTestId('action-status')).toHaveText('approved');
});
