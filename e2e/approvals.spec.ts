import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import pg from 'pg';
import { signMirai } from '../lib/providers/mirai/simulate';
import { DEMO_SECRETS } from '../simulator/demo';
import { signIn } from './sign-in';

// The approvals queue as an approver works it. The e2e server sends orders to a local stand-in
// (e2e/order-endpoint.ts) and has no WhatsApp destination, so an approved order goes out through
// the outbox and an approved message says nothing was sent. Rows are taken from the end of the
// queue: auth.spec.ts, running alongside, approves from the front.

// One scenario at a time in this file: each picks rows by position.
test.describe.configure({ mode: 'serial' });

const orders = (page: Page) => page.getByTestId('pending-action').filter({ has: page.getByTestId('order-details') });
const messages = (page: Page) => page.getByTestId('pending-action').filter({ has: page.getByTestId('whatsapp-details') });

async function idOf(row: Locator): Promise<string> {
  const id = await row.getAttribute('data-action-id');
  if (!id) throw new Error('row without an action id');
  return id;
}

async function ordersReceived(page: Page, key: string): Promise<number> {
  const res = await page.request.get(`${process.env.E2E_ORDER_ENDPOINT}/received?key=${key}`);
  return ((await res.json()) as { orders: number }).orders;
}

test('approve one, edit and approve one, reject one, and see the statuses change', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  await expect(page.getByTestId('not-configured')).toContainText('No WhatsApp destination is configured');
  await page.screenshot({ path: 'test-results/e2e/approvals-queue.png' });

  // Approve as it came.
  const approvedId = await idOf(orders(page).last());
  const approved = page.locator(`[data-action-id="${approvedId}"]`);
  await approved.getByRole('button', { name: 'Approve' }).click();
  await expect(approved).toHaveCount(0);
  const approvedReceipt = page.locator(`[data-decided-id="${approvedId}"]`);
  await expect(approvedReceipt.getByTestId('action-status')).toHaveText('approved');
  await expect(approvedReceipt).toContainText('Approved; sending to 127.0.0.1');

  // Edit, get told what is wrong, fix it, approve.
  const editedId = await idOf(orders(page).last());
  const edited = page.locator(`[data-action-id="${editedId}"]`);
  await edited.getByRole('button', { name: 'Edit' }).click();
  const form = edited.getByRole('form', { name: 'Edit order' });
  await form.getByLabel('City').fill('');
  await form.getByLabel('Address', { exact: true }).fill('221B Baker Street');
  await form
    .getByLabel(/^Quantity of/)
    .first()
    .fill('3');
  await form.getByLabel('Order note').fill('Address corrected on review');
  await form.getByRole('button', { name: 'Save and approve' }).click();
  // Issue 16: the error is said beside its field in plain words, no longer as a schema path.
  await expect(form.getByLabel('City')).toHaveAccessibleDescription('Enter the city.');
  await form.getByLabel('City').fill('Pune');
  await form.getByRole('button', { name: 'Save and approve' }).click();
  await expect(edited).toHaveCount(0);
  await expect(page.locator(`[data-decided-id="${editedId}"]`).getByTestId('action-status')).toHaveText('approved');

  // Reject with a reason.
  const rejectedId = await idOf(messages(page).last());
  const rejected = page.locator(`[data-action-id="${rejectedId}"]`);
  await rejected.getByRole('button', { name: 'Reject' }).click();
  await rejected.getByLabel('Reason for rejecting').fill('Customer already ordered on the website');
  await rejected.getByRole('button', { name: 'Reject' }).click();
  await expect(rejected).toHaveCount(0);
  await expect(page.locator(`[data-decided-id="${rejectedId}"]`).getByTestId('action-status')).toHaveText('rejected');

  // Approve a message: there is nowhere to send it, and the receipt says so.
  const messageId = await idOf(messages(page).last());
  await page.locator(`[data-action-id="${messageId}"]`).getByRole('button', { name: 'Approve' }).click();
  await expect(page.locator(`[data-decided-id="${messageId}"]`)).toContainText('Nothing was sent: no destination is configured for WhatsApp messages');

  // After a reload they are gone from the queue and listed as decided.
  await page.reload();
  await expect(page.getByTestId('pending-action').first()).toBeVisible();
  for (const id of [approvedId, editedId, rejectedId]) await expect(page.locator(`[data-action-id="${id}"]`)).toHaveCount(0);
  await page.goto('/approvals?view=decided');
  // Approved, then sent by the outbox right after the response.
  await expect(async () => {
    await page.reload();
    await expect(page.locator(`[data-testid="decision-row"][data-id="${approvedId}"]`).getByTestId('action-status')).toHaveText('sent', { timeout: 1_000 });
  }).toPass();
  await expect(page.locator(`[data-testid="decision-row"][data-id="${messageId}"]`).getByTestId('action-status')).toHaveText('approved');
  await expect(page.locator(`[data-testid="decision-row"][data-id="${rejectedId}"]`)).toContainText('Customer already ordered on the website');

  // The edited action's page: what was approved, what the agent asked, who decided.
  await page.goto(`/approvals/${editedId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('outbox-status')).toHaveText('sent', { timeout: 1_000 });
  }).toPass();
  await expect(page.getByTestId('action-status').first()).toHaveText('sent');
  await expect(page.getByTestId('ship-to').first()).toContainText('221B Baker Street');
  await expect(page.getByTestId('line-quantity').first()).toHaveText('3');
  await expect(page.getByTestId('original-payload')).not.toContainText('221B Baker Street');
  await expect(page.getByTestId('action-life')).toContainText('Approved by approver@callboard.local');
  await expect(page.getByTestId('action-life')).toContainText('with an edited payload');
  await page.screenshot({ path: 'test-results/e2e/approvals-action.png', fullPage: true });

  // The order approved as it came was sent right after the response (after()), exactly once.
  await page.goto(`/approvals/${approvedId}`);
  await expect(page.getByTestId('action-status').first()).toHaveText('sent');
  await expect(page.getByTestId('response-id')).toHaveText(/^order_/);
  const key = (await page.getByTestId('idempotency-key').textContent())?.trim() ?? '';
  expect(await ordersReceived(page, key)).toBe(1);
  await expect(page.getByTestId('action-life')).toContainText('Attempt 1 to standard webhook: Delivered');
});

test('keyboard: focus a row, r opens the reason, Enter rejects', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  // Bound to its id: a poll that adds or drops rows elsewhere must not move "the last row".
  const id = await idOf(orders(page).last());
  const row = page.locator(`[data-action-id="${id}"]`);
  await row.getByTestId('order-details').click();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('r');
  await expect(row.getByLabel('Reason for rejecting')).toBeFocused();
  await page.keyboard.type('Duplicate of another order');
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-action-id="${id}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-decided-id="${id}"]`).getByTestId('action-status')).toHaveText('rejected');
});

test('a new action appears in the queue and the badge without a reload', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  // The queue and the badge poll every 10 seconds. Rather than wait for a poll (and for a loaded
  // machine to get round to it), the test moves the page's clock on by one interval.
  await page.clock.install();
  await page.goto('/approvals');
  await expect(page.getByRole('heading', { name: 'Approvals', exact: true })).toBeVisible();
  const callId = `e2e_${randomUUID().slice(0, 8)}`;
  const number = `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const body = JSON.stringify({
    event: { type: 'action', data: { action: 'send_whatsapp', call: { id: callId }, reason: 'missing_first_name', payload: { number } } },
  });
  const res = await page.request.post('/api/webhooks/mirai', {
    headers: { 'content-type': 'application/json', ...signMirai(body, DEMO_SECRETS.mirai) },
    data: body,
  });
  expect(res.status()).toBe(200);
  const added = messages(page).filter({ hasText: number });
  // Until the page has hydrated there is no poll timer to fire, hence another interval until then.
  await expect(async () => {
    await page.clock.fastForward(10_000);
    await expect(added).toHaveCount(1, { timeout: 2_000 });
  }).toPass();
  // Other specs decide actions meanwhile, so the count itself may end where it began: instead, the
  // badge's next poll, sent after the new action was stored, is what it must show.
  const polled = page.waitForRequest((r) => r.url().includes('/api/actions/count'));
  await page.clock.fastForward(10_000);
  const poll = await polled;
  const { pending } = (await (await poll.response())!.json()) as { pending: number };
  expect(pending).toBeGreaterThan(0);
  await expect(page.getByTestId('pending-count')).toHaveText(pending > 99 ? '99+' : String(pending));
});

// The queue's own behaviour: shortcuts on `?`, reasons, undo, one card per call, sorting, bulk
// decisions that ask once. Each scenario raises the actions it works on (a call of its own),
// so what auth.spec.ts decides from the front meanwhile cannot move them. They live in this
// serial file because the scenarios above take rows from the end, where new actions arrive.

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
        type: 'end-of-call',
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

/** The customer wrote to the business `hoursAgo` hours ago: their WhatsApp service window opened then. */
async function customerWrote(number: string, hoursAgo: number): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO whatsapp_message (wamid, direction, business_phone_id, customer_number, type, body, sent_at)
       VALUES ($1, 'inbound', 'e2e', $2, 'text', 'hello', now() - $3::float8 * interval '1 hour')`,
      [`wamid.e2e.${randomUUID()}`, number, hoursAgo],
    );
  } finally {
    await client.end();
  }
}

test('sorting: by waiting time the oldest call first, by urgency the soonest-closing message window first; kept in the URL', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  // Two customers who wrote (the window is theirs, never the call's): one closes in 4 hours, one in 22.
  await customerWrote((await raiseCall(page)).number, 20);
  await customerWrote((await raiseCall(page)).number, 2);
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
