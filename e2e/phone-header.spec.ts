import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

// On a phone the header's links sit behind a Menu button instead of running off the screen.
test.use({ viewport: { width: 390, height: 844 } });

test("a phone's header fits the screen, and its menu opens, leads and closes", async ({ page }) => {
  await signIn(page, 'admin@callboard.local');
  await page.goto('/analytics');
  const header = page.getByRole('banner');
  await expect(page.getByTestId('header-menu-button')).toHaveText('Menu');
  // Nothing in the header is wider than the screen (the links are folded away).
  expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const settings = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' });
  await expect(settings).toBeHidden();

  await page.getByTestId('header-menu-button').click();
  await expect(page.getByTestId('header-menu-button')).toHaveAttribute('aria-expanded', 'true');
  await expect(settings).toBeVisible();
  expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await settings.click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId('header-menu-button')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })).toBeHidden();
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('the links are in a row and there is no menu button', async ({ page }) => {
    await signIn(page, 'viewer@callboard.local');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calls' })).toBeVisible();
    await expect(page.getByTestId('header-menu-button')).toBeHidden();
  });
});
