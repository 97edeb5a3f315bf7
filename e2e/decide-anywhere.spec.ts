import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { DEMO_PASSWORD } from '../lib/auth/demo-users';
import { signMirai } from '../lib/providers/mirai/simulate';
import { DEMO_SECRETS } from '../simulator/demo';
import { signIn } from './sign-in';

// Deciding anywhere: an action is approved, edited or rejected on its own page and on the page of
// the call that raised it; every link to an action opens that action; a link shared while signed
// out comes back to the page it named after signing in, and only to a page of ours. Each test
// raises its own call's actions through the signed webhook, so the queue's specs (which pick rows
// by position) and these never decide the same action.

interface Raised {
  callId: string;
  orderId: string;
  messageId: string;
}

async function post(page: Page, data: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({ event: { type: 'action', data } });
  const res = await page.request.post('/api/webhooks/mirai', {
    headers: { 'content-type': 'application/json', ...signMirai(body, DEMO_SECRETS.mirai) },
    data: body,
  });
  expect(res.status()).toBe(200);
}

/** A fresh call with one order and one WhatsApp message waiting, and their ids in our database. */
async function raiseCall(page: Page): Promise<Raised> {
  const providerCallId = `e2e_anywhere_${randomUUID().slice(0, 8)}`;
  const number = `+9197${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  await post(page, { action: 'send_whatsapp', call: { id: providerCallId }, reason: 'missing_address', payload: { number } });
  await post(page, {
    action: 'create_order',
    call: { id: providerCallId },
    payload: {
      phone: number,
      lineItems: [{ variantId: '123', quantity: 1 }],
      shippingAddress: { firstName: 'Asha', lastName: 'Rao', address1: '12 MG Road', city: 'Pune', zip: '411001', country: 'IN' },
      paymentMode: 'cod',
      cartTotal: 150,
    },
  });
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    // The webhook answers once the batch is stored; the call row is folded in the same transaction.
    const { rows } = await client.query<{ call_id: string; id: string; kind: string }>('SELECT call_id, id, kind FROM action WHERE provider_call_id = $1', [
      providerCallId,
    ]);
    const order = rows.find((r) => r.kind === 'create_order');
    const message = rows.find((r) => r.kind === 'send_whatsapp');
    if (!order || !message || !order.call_id) throw new Error(`the actions of ${providerCallId} were not stored`);
    return { callId: order.call_id, orderId: order.id, messageId: message.id };
  } finally {
    await client.end();
  }
}

async function fillSignIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a link opened signed out returns to that page after signing in, and never leaves the site', async ({ page, baseURL }) => {
  const raised = await raiseCall(page);

  await page.goto(`/calls/${raised.callId}`);
  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(`/calls/${raised.callId}`)}`);
  await fillSignIn(page, 'approver@callboard.local');
  await expect(page).toHaveURL(`/calls/${raised.callId}`);
  await expect(page.getByTestId('signed-in-as')).toContainText('approver');

  // The action's page, its query kept.
  await page.context().clearCookies();
  await page.goto(`/approvals/${raised.orderId}?from=chat`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await fillSignIn(page, 'viewer@callboard.local');
  await expect(page).toHaveURL(`/approvals/${raised.orderId}?from=chat`);
  await expect(page.getByRole('heading', { name: 'Create order' })).toBeVisible();

  // Already signed in, the sign-in page sends you on to where the link pointed.
  await page.goto(`/sign-in?next=${encodeURIComponent(`/calls/${raised.callId}`)}`);
  await expect(page).toHaveURL(`/calls/${raised.callId}`);

  // Another origin, however it is spelled, is refused: you land on our own first page.
  for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example/', '/\t/evil.example/']) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await fillSignIn(page, 'viewer@callboard.local');
    await expect(page).toHaveURL(/\/calls$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
  }
});

test('on the action page an approver approves, edits then approves, and rejects only with a reason', async ({ page }) => {
  const first = await raiseCall(page);
  const second = await raiseCall(page);
  await signIn(page, 'approver@callboard.local');

  // Approve as it came: the page shows the decision, and the order goes out.
  await page.goto(`/approvals/${first.orderId}`);
  const decide = page.getByTestId('decide');
  await decide.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('action-life')).toContainText('Approved by approver@callboard.local');
  await expect(page.getByTestId('action-status').first()).not.toHaveText('pending');
  await expect(decide.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('outbox-status')).toHaveText('sent', { timeout: 1_000 });
  }).toPass();

  // Reject: a reason of spaces is not a reason.
  await page.goto(`/approvals/${first.messageId}`);
  await decide.getByRole('button', { name: 'Reject' }).click();
  await decide.getByLabel('Reason for rejecting').fill('   ');
  await decide.getByRole('button', { name: 'Reject' }).click();
  await expect(decide.getByRole('alert')).toContainText('Write why');
  await expect(page.getByTestId('action-status').first()).toHaveText('pending');
  await decide.getByLabel('Reason for rejecting').fill('  Address confirmed on a second call  ');
  await decide.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByTestId('action-status').first()).toHaveText('rejected');
  await expect(page.getByTestId('action-life')).toContainText('Address confirmed on a second call');

  // Edit, then approve: what was approved is what was edited.
  await page.goto(`/approvals/${second.orderId}`);
  await decide.getByRole('button', { name: 'Edit' }).click();
  const form = decide.getByRole('form', { name: 'Edit order' });
  await form.getByLabel('Address', { exact: true }).fill('7 Lake View Lane');
  await form.getByRole('button', { name: 'Save and approve' }).click();
  await expect(page.getByTestId('action-life')).toContainText('with an edited payload');
  await expect(page.getByTestId('ship-to').first()).toContainText('7 Lake View Lane');
  await expect(page.getByTestId('original-payload')).toContainText('12 MG Road');
  await page.screenshot({ path: 'test-results/e2e/decide-action-page.png', fullPage: true });
});

test('on the call page an approver decides each action, and every link to an action opens it', async ({ page }) => {
  const raised = await raiseCall(page);
  await signIn(page, 'approver@callboard.local');
  await page.goto(`/calls/${raised.callId}`);

  const actions = page.getByTestId('call-action');
  await expect(actions).toHaveCount(2);
  const order = page.locator(`[data-testid="call-action"][data-action-id="${raised.orderId}"]`);
  const message = page.locator(`[data-testid="call-action"][data-action-id="${raised.messageId}"]`);
  await expect(order.getByRole('link', { name: /open/i })).toHaveAttribute('href', `/approvals/${raised.orderId}`);
  await expect(message.getByRole('link', { name: /open/i })).toHaveAttribute('href', `/approvals/${raised.messageId}`);
  await page.screenshot({ path: 'test-results/e2e/decide-call-page.png', fullPage: true });

  await order.getByRole('button', { name: 'Approve' }).click();
  await expect(order).toHaveAttribute('data-status', /approved|dispatched|sent/);
  // Undo is offered beside the decision while its window is open.
  await expect(order.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(order.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // One left: the header's link opens that very action.
  await page.reload();
  const open = page.getByRole('link', { name: 'Open the waiting action' });
  await expect(open).toHaveAttribute('href', `/approvals/${raised.messageId}`);

  await message.getByRole('button', { name: 'Reject' }).click();
  await message.getByLabel('Reason for rejecting').fill('Customer asked us not to message');
  await message.getByRole('button', { name: 'Reject' }).click();
  await expect(message).toHaveAttribute('data-status', 'rejected');

  // Decided, nothing waits any more: the note is gone, and the action's own link opens it.
  await expect(page.getByTestId('pending-note')).toHaveCount(0);
  await message.getByRole('link', { name: /open/i }).click();
  await expect(page).toHaveURL(`/approvals/${raised.messageId}`);
  await expect(page.getByTestId('action-life')).toContainText('Customer asked us not to message');
});

test('a viewer sees the actions on a call and its page but no way to decide them', async ({ page }) => {
  const raised = await raiseCall(page);
  await signIn(page, 'viewer@callboard.local');
  await page.goto(`/calls/${raised.callId}`);
  await expect(page.getByTestId('call-action')).toHaveCount(2);
  await expect(page.getByTestId('actions').getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByTestId('actions')).toContainText('needs the approver or admin role');
  await page.goto(`/approvals/${raised.orderId}`);
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByTestId('action-status').first()).toHaveText('pending');
});

test('a decision made on the action page can be undone inside its window; after it, it is final and goes out once', async ({ page }) => {
  const raised = await raiseCall(page);
  await signIn(page, 'approver@callboard.local');
  await page.goto(`/approvals/${raised.orderId}`);
  const decide = page.getByTestId('decide');

  await decide.getByRole('button', { name: 'Approve' }).click();
  await expect(decide.getByTestId('decision-receipt')).toContainText('Nothing goes out for');
  await expect(page.getByTestId('action-status').first()).toHaveText('approved');
  await decide.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('action-status').first()).toHaveText('pending');
  await expect(decide.getByTestId('decision-receipt')).toContainText('nothing was sent');
  await expect(decide.getByRole('button', { name: 'Approve' })).toBeEnabled();
  await expect(page.getByTestId('dispatch')).toHaveCount(0);
  await expect(page.getByTestId('action-life')).toContainText('Undone by approver@callboard.local');

  // Decided again, and left alone: Undo goes when the window closes, and the order goes out once.
  await decide.getByRole('button', { name: 'Approve' }).click();
  await expect(decide.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(decide.getByTestId('decision-receipt')).toContainText('It is final', { timeout: 30_000 });
  await expect(decide.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('outbox-status')).toHaveText('sent', { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const key = (await page.getByTestId('idempotency-key').textContent())?.trim() ?? '';
  const res = await page.request.get(`${process.env.E2E_ORDER_ENDPOINT}/received?key=${key}`);
  expect(((await res.json()) as { orders: number }).orders).toBe(1);
  await page.screenshot({ path: 'test-results/e2e/decide-undo.png', fullPage: true });
});
