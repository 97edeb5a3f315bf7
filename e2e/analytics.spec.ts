import { expect, test } from '@playwright/test';
import { FIRST_DRAW } from './charts';
import { signIn } from './sign-in';
import { loadWholeList } from './whole-list';

// Analytics on the demo data global setup sent through the real webhooks: the charts draw with
// data, and clicking a bar opens the calls list filtered to exactly the calls that bar counted.

interface VolumeJson {
  series: string[];
  rows: ({ bucket: string } & Record<string, number | string>)[];
}

test('charts render with data; clicking a bar lands on the matching calls', async ({ page }) => {
  // The analytics page is drawn more than once here, each first draw up to FIRST_DRAW under load.
  test.slow();
  await signIn(page, 'approver@callboard.local');
  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page).toHaveURL(/\/analytics$/);

  const bars = page.getByTestId('chart-volume').locator('path.recharts-rectangle');
  await expect(bars.first()).toBeVisible(FIRST_DRAW);
  await expect(page.getByTestId('headline-calls')).not.toHaveText('0');
  await expect(page.getByTestId('chart-failures').or(page.getByTestId('chart-empty')).first()).toBeVisible();
  await expect(page.getByTestId('chart-actions').locator('path.recharts-rectangle').first()).toBeVisible(FIRST_DRAW);
  await page.screenshot({ path: 'test-results/e2e/analytics.png', fullPage: true });

  // Other specs post Mirai and Atoms calls meanwhile; none posts MiniVoice, so the calls behind a
  // MiniVoice bar hold still while compared.
  const volumeResponse = page.waitForResponse((r) => r.url().includes('/api/analytics/volume') && r.url().includes('provider=minivoice') && r.ok());
  await page.goto('/analytics?provider=minivoice');
  const volume = (await (await volumeResponse).json()) as VolumeJson;
  await expect(bars.first()).toBeVisible(FIRST_DRAW);

  // The tooltip tells the exact numbers of the bucket under the pointer.
  await bars.first().hover();
  await expect(page.getByTestId('chart-tooltip')).toBeVisible();

  await bars.first().click();
  await expect(page).toHaveURL(/\/calls\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&provider=minivoice&status=[a-z_]+$/);
  const url = new URL(page.url());
  const bucket = url.searchParams.get('from') ?? '';
  const status = url.searchParams.get('status') ?? '';
  expect(url.searchParams.get('to')).toBe(bucket);
  const expected = Number(volume.rows.find((r) => r.bucket === bucket)?.[status] ?? 0);
  expect(expected).toBeGreaterThan(0);

  const rows = page.getByTestId('call-row');
  await expect(rows.first()).toBeVisible();
  expect(await loadWholeList(page)).toBe(expected);
  await expect(rows.locator(`[data-status]:not([data-status="${status}"])`)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/analytics-click-through.png', fullPage: true });
});

test('a chart CSV holds the numbers the chart draws', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  await page.goto('/analytics?range=7d');
  await expect(page.getByTestId('chart-volume').locator('path.recharts-rectangle').first()).toBeVisible(FIRST_DRAW);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('chart-volume').getByRole('link', { name: 'CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^volume-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
});
