import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';

// The approvals queue worked by keyboard only. Other specs decide actions from the front of the
// queue meanwhile, so every check is bound to ids read from the page, never to positions alone.

async function pendingIds(page: Page): Promise<string[]> {
  return page.getByTestId('pending-action').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action-id') ?? ''));
}

async function currentId(page: Page): Promise<string | null> {
  const current = page.locator('[data-testid="pending-action"][aria-current="true"]');
  if ((await current.count()) === 0) return null;
  return current.first().getAttribute('data-action-id');
}

test('keyboard: j j a approves the card in focus, then focus moves on to the next card, never back to a skipped one', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  await expect(page.getByTestId('pending-action').nth(3)).toBeVisible();

  await page.keyboard.press('j');
  await expect(page.locator('[data-testid="pending-action"][aria-current="true"]')).toHaveCount(1);
  const skipped = await currentId(page);
  await page.keyboard.press('j');
  await expect(page.locator(`[data-action-id="${skipped}"]`)).not.toHaveAttribute('aria-current', 'true');
  const first = await currentId(page);
  expect(first).not.toBeNull();
  const before = await pendingIds(page);
  const above = before.slice(0, before.indexOf(first ?? ''));
  expect(above).toContain(skipped);
  const expectedNext = before[before.indexOf(first ?? '') + 1];

  await page.keyboard.press('a');
  await expect(page.locator(`[data-action-id="${first}"]`)).toHaveCount(0);
  // Focus is on the card after the approved one, not back on one deliberately skipped.
  await expect(page.locator(`[data-action-id="${expectedNext}"]`)).toHaveAttribute('aria-current', 'true');
  for (const id of above) await expect(page.locator(`[data-action-id="${id}"]`)).not.toHaveAttribute('aria-current', 'true');

  await page.keyboard.press('a');
  await expect(page.locator(`[data-action-id="${expectedNext}"]`)).toHaveCount(0);
  await expect(page.locator(`[data-decided-id="${first}"]`).getByTestId('action-status')).toHaveText('approved');
  await expect(page.locator(`[data-decided-id="${expectedNext}"]`).getByTestId('action-status')).toHaveText('approved');
  // No card above was decided from this page.
  for (const id of above) await expect(page.locator(`[data-decided-id="${id}"]`)).toHaveCount(0);
});

test('keyboard: on load a stray a approves nothing', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  await expect(page.getByTestId('pending-action').first()).toBeVisible();
  const first = await page.getByTestId('pending-action').first().getAttribute('data-action-id');
  await page.keyboard.press('a');
  await expect(page.locator('[data-testid="pending-action"][aria-current="true"]')).toHaveCount(0);
  // Keys are handled in order and a decision is drawn at once: once the j after it has made the
  // first card current, whatever the a did is on the page.
  await page.keyboard.press('j');
  await expect(page.locator(`[data-testid="pending-action"][data-action-id="${first}"]`)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator(`[data-decided-id="${first}"]`)).toHaveCount(0);
});
