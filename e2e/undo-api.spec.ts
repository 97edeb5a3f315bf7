import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { signMirai } from '../lib/providers/mirai/simulate';
import { DEMO_SECRETS } from '../simulator/demo';
import { signIn } from './sign-in';

// Undo and reasons through the JSON API against the built app, whose undo window is the default
// 10 s: inside it an approval can be taken back and nothing reaches the order endpoint; the
// delayed drain sends an approval that stands exactly once, only after the window; after it,
// undo is refused. Reject needs a reason. The whole queue is read with limit and nextCursor.

const origin = () => ({ origin: process.env.E2E_BASE_URL ?? '' });

/** A fresh create_order action raised through the signed webhook; its id, found by paging the queue. */
async function raiseOrder(page: Page): Promise<string> {
  const callId = `e2e_undo_${randomUUID().slice(0, 8)}`;
  const payload = {
    phone: '+919876543210',
    lineItems: [{ title: 'Masala Chai 250g', variantId: '44001', quantity: 2, price: 349 }],
    shippingAddress: { firstName: 'Asha', lastName: 'Rao', address1: '12 MG Road', city: 'Bengaluru', zip: '560001', country: 'India', phone: '+919876543210' },
    paymentMode: 'cod',
    cartTotal: 747,
    codCharge: 49,
  };
  const body = JSON.stringify({ event: { type: 'action', data: { action: 'create_order', call: { id: callId }, payload } } });
  const res = await page.request.post('/api/webhooks/mirai', {
    headers: { 'content-type': 'application/json', ...signMirai(body, DEMO_SECRETS.mirai) },
    data: body,
  });
  expect(res.status()).toBe(200);
  let cursor: string | null = null;
  let pages = 0;
  do {
    const list = await page.request.get(`/api/actions?status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    expect(list.status()).toBe(200);
    const json = (await list.json()) as { actions: { id: string; providerCallId: string | null }[]; nextCursor: string | null };
    const found = json.actions.find((a) => a.providerCallId === callId);
    if (found) return found.id;
    cursor = json.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  throw new Error(`action of ${callId} not found in the queue`);
}

const decide = (request: APIRequestContext, id: string, data: object) => request.post(`/api/actions/${id}/decision`, { headers: origin(), data });
const undo = (request: APIRequestContext, id: string) => request.post(`/api/actions/${id}/undo`, { headers: origin() });

async function detail(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/actions/${id}`);
  expect(res.status()).toBe(200);
  return (
    (await res.json()) as {
      action: { status: string; outbox: { id: string; status: string; nextAttemptAt: string; attemptLog: { startedAt: string }[] } | null };
    }
  ).action;
}

async function ordersReceived(page: Page, key: string): Promise<number> {
  const res = await page.request.get(`${process.env.E2E_ORDER_ENDPOINT}/received?key=${key}`);
  return ((await res.json()) as { orders: number }).orders;
}

test('undo inside the window: pending again, and nothing ever reaches the destination', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const id = await raiseOrder(page);
  const approved = await decide(page.request, id, { decision: 'approve' });
  expect(approved.status()).toBe(200);
  const { action } = (await approved.json()) as { action: { status: string; undoUntil: string } };
  expect(action.status).toBe('approved');
  const undoUntil = Date.parse(action.undoUntil);
  expect(undoUntil - Date.now()).toBeGreaterThan(5_000);
  const queued = await detail(page.request, id);
  expect(queued.outbox).toMatchObject({ status: 'pending' });
  expect(Date.parse(queued.outbox?.nextAttemptAt ?? '')).toBe(undoUntil);
  const key = queued.outbox?.id ?? '';

  const undone = await undo(page.request, id);
  expect(undone.status()).toBe(200);
  expect(await undone.json()).toEqual({ action: { id, status: 'pending' } });
  const again = await undo(page.request, id);
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe('not_decided');

  // Past the window, and past the drain that would have sent it: a control order approved just
  // after has a later window, so once the stand-in has its order, the undone one's drain (due
  // earlier) has run too. Still pending, nothing sent.
  const control = await raiseOrder(page);
  expect((await decide(page.request, control, { decision: 'approve' })).status()).toBe(200);
  const controlKey = (await detail(page.request, control)).outbox?.id ?? '';
  await expect(async () => expect(await ordersReceived(page, controlKey)).toBe(1)).toPass({ timeout: 60_000 });
  expect(Date.now()).toBeGreaterThan(undoUntil);
  expect(await ordersReceived(page, key)).toBe(0);
  expect(await detail(page.request, id)).toMatchObject({ status: 'pending', outbox: null });
  await page.goto(`/approvals/${id}`);
  await expect(page.getByTestId('action-life')).toContainText('Undone by approver@callboard.local');
  await expect(page.getByTestId('action-life')).toContainText('The approval was taken back; nothing was sent');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/e2e/undo-action-1440.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/e2e/undo-action-390.png', fullPage: true });
});

test('an approval that stands is sent once, only after the window; then undo is refused', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const id = await raiseOrder(page);
  const approved = await decide(page.request, id, { decision: 'approve' });
  expect(approved.status()).toBe(200);
  const undoUntil = Date.parse(((await approved.json()) as { action: { undoUntil: string } }).action.undoUntil);
  const key = (await detail(page.request, id)).outbox?.id ?? '';
  expect(await ordersReceived(page, key)).toBe(0);

  // Sent by the drain the decision scheduled for the end of the window (not the every-minute cron).
  await expect(async () => expect(await ordersReceived(page, key)).toBe(1)).toPass({ timeout: 30_000 });
  const sent = await detail(page.request, id);
  expect(sent.status).toBe('dispatched');
  expect(Date.parse(sent.outbox?.attemptLog[0]?.startedAt ?? '')).toBeGreaterThanOrEqual(undoUntil);

  const late = await undo(page.request, id);
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: { code: string } }).error.code).toBe('undo_window_closed');
  expect(await ordersReceived(page, key)).toBe(1);
});

test('reject needs a reason: blank is 400 reason_required; a viewer may not undo', async ({ page, browser }) => {
  await signIn(page, 'approver@callboard.local');
  const id = await raiseOrder(page);
  for (const note of [undefined, '', '    ']) {
    const res = await decide(page.request, id, { decision: 'reject', ...(note === undefined ? {} : { note }) });
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('reason_required');
  }
  expect((await detail(page.request, id)).status).toBe('pending');
  const rejected = await decide(page.request, id, { decision: 'reject', note: '  Customer cancelled  ' });
  expect(rejected.status()).toBe(200);

  const viewer = await browser.newPage();
  await signIn(viewer, 'viewer@callboard.local');
  expect((await undo(viewer.request, id)).status()).toBe(403);
  await viewer.close();
  expect((await undo(page.request, id)).status()).toBe(200);
  expect((await detail(page.request, id)).status).toBe('pending');
});
