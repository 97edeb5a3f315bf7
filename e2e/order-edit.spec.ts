import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';

// Editing a COD confirmation the way ops do on the phone: a line comes off, the customer pays
// in advance, the PIN code is corrected. What reaches the order endpoint (e2e/order-endpoint.ts)
// must be exactly what was approved. Orders with two or more lines are taken from the middle of
// the queue: approvals.spec.ts works from the end and auth.spec.ts from the front.

interface Received {
  orders: number;
  payload: {
    lineItems: { title?: string; quantity: number; price?: number }[];
    paymentMode?: string;
    codCharge?: number;
    cartTotal?: number;
    note?: string;
    shippingAddress: { zip?: string };
  } | null;
}

async function received(page: Page, key: string): Promise<Received> {
  const res = await page.request.get(`${process.env.E2E_ORDER_ENDPOINT}/received?key=${key}`);
  return (await res.json()) as Received;
}

/** An order card of at least two lines, taken from the middle of the queue, bound to its id. */
async function multiLineOrder(page: Page): Promise<{ id: string; card: Locator }> {
  const orders = page.getByTestId('pending-action').filter({ has: page.getByTestId('order-details') });
  await expect(orders.first()).toBeVisible();
  const ids: string[] = [];
  for (const card of await orders.all()) {
    if ((await card.getByTestId('line-quantity').count()) >= 2) ids.push((await card.getAttribute('data-action-id')) ?? '');
  }
  const id = ids[Math.floor(ids.length / 2)];
  if (!id) throw new Error('no pending order with two lines');
  return { id, card: page.locator(`[data-action-id="${id}"]`) };
}

// One scenario at a time: both pick the same middle order.
test.describe.configure({ mode: 'serial' });

const rupees = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

test('remove a line, switch to prepaid, fix the PIN code: the destination gets exactly what was approved', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  const { id, card } = await multiLineOrder(page);
  await card.getByRole('button', { name: 'Edit' }).click();
  const form = card.getByRole('form', { name: 'Edit order' });
  const total = form.getByTestId('edit-cart-total');
  const before = rupees(await total.textContent());

  // The cheaper of the first two lines comes off (so the quoted discount still fits); the total
  // follows at once, before anything is saved.
  const lines = form.getByTestId('edit-line');
  await expect(lines).toHaveCount(await card.getByTestId('line-quantity').count());
  const lineTotal = async (i: number) =>
    rupees(
      await lines
        .nth(i)
        .getByLabel(/^Unit price of/)
        .inputValue(),
    ) *
    Number(
      await lines
        .nth(i)
        .getByLabel(/^Quantity of/)
        .inputValue(),
    );
  const [first, second] = [await lineTotal(0), await lineTotal(1)];
  const [drop, keep] = first < second ? [0, 1] : [1, 0];
  const count = await lines.count();
  const labelOf = (i: number) =>
    lines
      .nth(i)
      .getByLabel(/^Quantity of/)
      .getAttribute('aria-label');
  const kept = await labelOf(keep);
  const removed = await labelOf(drop);
  await lines
    .nth(drop)
    .getByRole('button', { name: /^Remove/ })
    .click();
  await expect(lines).toHaveCount(count - 1);
  await expect.poll(async () => rupees(await total.textContent())).toBeCloseTo(before - Math.min(first, second), 2);

  // Prepaid: no COD charge, and the total drops by it.
  const cod = rupees(await form.getByLabel('COD charge').inputValue());
  const afterRemoval = rupees(await total.textContent());
  await form.getByLabel('Prepaid').check();
  await expect(form.getByLabel('COD charge')).toBeDisabled();
  await expect.poll(async () => rupees(await total.textContent())).toBeCloseTo(afterRemoval - cod, 2);
  const approvedTotal = rupees(await total.textContent());

  // A PIN code of letters is refused beside its field, in plain words, and focus goes there.
  const pin = form.getByLabel('PIN / ZIP');
  await pin.fill('abc');
  await form.getByRole('button', { name: 'Save and approve' }).click();
  await expect(pin).toHaveAccessibleDescription('Enter a 6-digit PIN code, like 411001.');
  await expect(pin).toBeFocused();
  await expect(form.getByRole('alert')).toContainText('Fix the field marked above');
  await expect(form.getByRole('alert')).not.toContainText('shippingAddress');
  await page.screenshot({ path: 'test-results/e2e/order-edit-form.png', fullPage: true });
  await pin.fill('411038');
  await expect(pin).not.toHaveAttribute('aria-describedby');
  await form.getByRole('button', { name: 'Save and approve' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.locator(`[data-decided-id="${id}"]`).getByTestId('action-status')).toHaveText('approved');

  // The action's page: sent, and the edit shown against what the agent asked.
  await page.goto(`/approvals/${id}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('outbox-status')).toHaveText('sent', { timeout: 1_000 });
  }).toPass();
  const changes = page.getByTestId('order-changes');
  await expect(changes.locator('[data-testid="line-change"][data-change="removed"]')).toHaveCount(1);
  await expect(changes.locator('[data-testid="changed-field"][data-field="Payment"]')).toContainText('Prepaid');
  await expect(changes.locator('[data-testid="changed-field"][data-field="PIN / ZIP"]')).toContainText('411038');
  await page.screenshot({ path: 'test-results/e2e/order-edit-action.png', fullPage: true });

  // Exactly once, and exactly as approved.
  const key = (await page.getByTestId('idempotency-key').textContent())?.trim() ?? '';
  const got = await received(page, key);
  expect(got.orders).toBe(1);
  const titles = (got.payload?.lineItems ?? []).map((item) => `Quantity of ${item.title}`);
  expect(titles).toHaveLength(count - 1);
  expect(titles).toContain(kept);
  expect(titles).not.toContain(removed);
  expect(got.payload).toMatchObject({ paymentMode: 'prepaid', codCharge: 0, cartTotal: approvedTotal, shippingAddress: { zip: '411038' } });
});

test('lines: add one with its price, the last line cannot be removed, a blank city is named beside it', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  const { card } = await multiLineOrder(page);
  await card.getByRole('button', { name: 'Edit' }).click();
  const form = card.getByRole('form', { name: 'Edit order' });
  const total = form.getByTestId('edit-cart-total');
  const before = rupees(await total.textContent());

  await form.getByRole('button', { name: '+ Add an item' }).click();
  // Focus is on a button of the form: the queue's "a" must not approve the order as it came.
  await page.keyboard.press('a');
  await expect(card).toHaveCount(1);
  const added = form.getByTestId('edit-line').last();
  await added.getByLabel(/^Name of item/).fill('Gift box');
  await added.getByLabel(/^Quantity of/).fill('2');
  await added.getByLabel(/^Unit price of/).fill('75.50');
  await expect.poll(async () => rupees(await total.textContent())).toBeCloseTo(before + 151, 2);

  await form.getByLabel('Discount (amount off)').fill('0');
  // Remove every line but one: the last one stays.
  while ((await form.getByTestId('edit-line').count()) > 1)
    await form
      .getByTestId('edit-line')
      .first()
      .getByRole('button', { name: /^Remove/ })
      .click();
  await expect(form.getByTestId('edit-line').getByRole('button', { name: /^Remove/ })).toBeDisabled();

  await form.getByLabel('City').fill('');
  await form.getByLabel('Unit price of Gift box').fill('free');
  await form.getByRole('button', { name: 'Save and approve' }).click();
  await expect(form.getByLabel('City')).toHaveAccessibleDescription('Enter the city.');
  await expect(form.getByLabel('Unit price of Gift box')).toHaveAccessibleDescription('Enter a price of 0 or more.');
  await expect(form.getByRole('alert')).toContainText('Fix the 2 fields marked above');
  await form.getByRole('button', { name: 'Cancel' }).click();
});
