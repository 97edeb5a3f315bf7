import { expect, test } from '@playwright/test';
import { FIRST_DRAW } from './charts';
import { signIn } from './sign-in';

// Breakdown keys: an admin picks the metadata keys whose credits are precomputed; the analytics
// page splits credits by them from the rollups, and says so when a key is counted live instead.

test('an admin adds a breakdown key; credits split by a breakdown key are precomputed, any other key is counted live', async ({ page }) => {
  // The analytics page is drawn more than once here, each first draw up to FIRST_DRAW under load.
  test.slow();
  await signIn(page, 'admin@callboard.local');
  await page.goto('/settings');
  const card = page.locator('#breakdown-keys');
  await expect(card.getByTestId('breakdown-keys')).toContainText('campaign, store');
  await card.getByLabel(/Breakdown keys/).fill('campaign\nstore\nregion');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card).toContainText('Credits are now precomputed by campaign, store, region');
  await expect(card.getByTestId('breakdown-keys')).toContainText('campaign, store, region');
  await expect(card.getByTestId('breakdown-keys')).toContainText('set by admin@callboard.local');
  await page.screenshot({ path: 'test-results/e2e/settings-breakdown-keys.png', fullPage: true });

  // The demo's Mirai calls carry a campaign (cod-confirmation or abandoned-cart) and report credits.
  await page.goto('/analytics?by=meta&key=campaign');
  const credits = page.getByTestId('chart-credits');
  await expect(credits.locator('path.recharts-rectangle').first()).toBeVisible(FIRST_DRAW);
  await expect(page.getByLabel('Breakdown key')).toHaveValue('campaign');
  await expect(page.getByLabel('Breakdown key').locator('option')).toHaveText(['campaign', 'region', 'store', 'Other key…']);
  await expect(page.getByTestId('live-key-note')).toHaveCount(0);

  await page.goto('/analytics?by=meta&key=internalOrderId');
  await expect(page.getByTestId('live-key-note')).toContainText('is not a breakdown key');
  await expect(page.getByTestId('live-key-note').getByRole('link', { name: 'Add it in Settings' })).toHaveAttribute('href', '/settings#breakdown-keys');
  await expect(credits.locator('path.recharts-rectangle').first()).toBeVisible(FIRST_DRAW);
});
