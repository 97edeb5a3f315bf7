import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

// Filters live in the URL (nuqs on every page that has them): a reload keeps them, and Back and
// Forward step through them, one history entry per change.

test('calls: Back and Forward step through filters one change at a time, and a reload keeps them', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  const active = page.getByRole('list', { name: 'Active filters' });
  const menu = page.getByTestId('filter-provider');
  await menu.locator('summary').click();
  await menu.getByLabel('Mirai Minds', { exact: true }).check();
  await menu.locator('summary').click();
  await expect(page).toHaveURL(/\/calls\?provider=mirai$/);
  const sort = page.locator('#calls-sort');
  await sort.selectOption('duration:desc');
  await expect(page).toHaveURL(/\/calls\?provider=mirai&sort=duration$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/calls\?provider=mirai$/);
  await expect(sort).toHaveValue('happened:desc');
  await page.goBack();
  await expect(page).toHaveURL(/\/calls$/);
  await expect(active).toHaveCount(0);
  await page.goForward();
  await expect(page).toHaveURL(/\/calls\?provider=mirai$/);
  await expect(active).toContainText('Provider: Mirai Minds');
  await page.goForward();
  await expect(sort).toHaveValue('duration:desc');

  await page.reload();
  await expect(active).toContainText('Provider: Mirai Minds');
  await expect(sort).toHaveValue('duration:desc');
});

test('analytics: Back and Forward step through bucket size and provider, and a reload keeps them', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  await page.goto('/analytics');
  const size = page.getByLabel('Bucket size');
  const provider = page.getByTestId('analytics-filters').getByLabel('Provider');
  await size.selectOption('week');
  await expect(page).toHaveURL(/\/analytics\?granularity=week$/);
  await provider.selectOption('minivoice');
  await expect(page).toHaveURL(/\/analytics\?granularity=week&provider=minivoice$/);

  await page.goBack();
  await expect(page).toHaveURL(/\/analytics\?granularity=week$/);
  await expect(provider).toHaveValue('');
  await page.goForward();
  await expect(provider).toHaveValue('minivoice');

  await page.reload();
  await expect(size).toHaveValue('week');
  await expect(provider).toHaveValue('minivoice');
});

test('deliveries: the filter form lands in the URL, a reload keeps it, Back returns to all', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  await page.goto('/deliveries');
  const filters = page.getByRole('form', { name: 'Filter deliveries' });
  await filters.getByLabel('Provider').selectOption('atoms');
  await filters.getByLabel('Time').selectOption('24h');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\/deliveries\?provider=atoms&outcome=&verification=&since=24h&q=$/);
  await expect(page.getByTestId('delivery-row').first()).toBeVisible();
  await expect(page.getByText('filters are not valid')).toHaveCount(0);

  await page.reload();
  await expect(filters.getByLabel('Provider')).toHaveValue('atoms');
  await expect(filters.getByLabel('Time')).toHaveValue('24h');

  await page.goBack();
  await expect(page).toHaveURL(/\/deliveries$/);
  await expect(filters.getByLabel('Provider')).toHaveValue('');
});
