import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

test('the calls page lists demo calls from all three providers', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await expect(page.getByRole('heading', { name: 'Latest calls' })).toBeVisible();
  const rows = page.getByTestId('call-row');
  for (const [provider, label] of [['mirai', 'Mirai Minds'], ['minivoice', 'MiniVoice'], ['atoms', 'Smallest.ai Atoms']] as const) {
    const row = rows.and(page.locator(`[data-provider="${provider}"]`)).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText(label);
  }
  // Seeded lifecycles end in more than one way; the page shows what the fold made of them.
  await expect(page.locator('[data-status="completed"]').first()).toBeVisible();
  await expect(page.locator('[data-status="busy"], [data-status="no_answer"], [data-status="validation_failed"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/calls-list.png', fullPage: true });
});
