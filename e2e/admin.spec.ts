import { expect, test } from '@playwright/test';
import { signIn, signInWithForm } from './sign-in';

test('an admin creates a user, the new user signs in with the generated password, and it is on record', async ({ page, browser }) => {
  const email = `new-approver-${Date.now()}@callboard.local`;
  await signIn(page, 'admin@callboard.local');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Create a user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('New Approver');
  await form.getByLabel('Role').selectOption('approver');
  await form.getByRole('button', { name: 'Create user' }).click();
  const password = (await page.getByTestId('new-password').textContent())?.trim();
  expect(password).toMatch(/^\S{10,}$/);
  await expect(page.locator(`[data-testid="user-row"][data-email="${email}"]`)).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/admin-users.png', fullPage: true });

  // A second browser: the new person signs in with what the admin handed over.
  const context = await browser.newContext();
  const theirPage = await context.newPage();
  await signInWithForm(theirPage, email, password);
  await expect(theirPage.getByTestId('signed-in-as')).toContainText('approver');
  await context.close();

  await page.goto('/admin/audit');
  await expect(page.locator('[data-testid="audit-row"][data-action="user_created"]').filter({ hasText: email }).first()).toBeVisible();
});

test('only admins reach the admin pages', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  const pages = [
    ['/admin/users', 'User management is for admins only'],
    ['/admin/tokens', 'API token management is for admins only'],
    ['/admin/audit', 'The audit log is for admins only'],
  ] as const;
  for (const [path, notice] of pages) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    // The 403 notice first: the absence checks below mean something only on the rendered page.
    await expect(page.getByRole('heading', { name: notice })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Create a user' })).toHaveCount(0);
    await expect(page.getByTestId('audit-row')).toHaveCount(0);
    await expect(page.getByTestId('token-row')).toHaveCount(0);
  }
});
