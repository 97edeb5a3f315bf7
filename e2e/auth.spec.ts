import { expect, test } from '@playwright/test';
import { signIn, signInWithForm } from './sign-in';

test('signed out, every page sends you to sign-in; signed in you see calls; signing out ends it', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill('viewer@callboard.local');
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();

  await signInWithForm(page, 'viewer@callboard.local');
  await expect(page.getByRole('heading', { name: 'Calls', exact: true })).toBeVisible();
  await expect(page.getByTestId('call-row').first()).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('viewer');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/approvals');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a viewer sees the queue with approve disabled, and the decision route answers 403', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  await page.goto('/approvals');
  const first = page.getByTestId('pending-action').first();
  await expect(first).toBeVisible();
  await expect(first.getByRole('button', { name: 'Approve' })).toBeDisabled();
  await expect(page.getByText('needs the approver or admin role')).toBeVisible();
  // Viewers see numbers masked.
  await expect(first).toContainText('•••••');

  // The button is not the only guard: the route itself refuses the viewer's session.
  const id = await first.getAttribute('data-action-id');
  const res = await page.request.post(`/api/actions/${id}/decision`, { data: { decision: 'approve' } });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
});

test('an approver approves from the queue', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await page.goto('/approvals');
  const first = page.getByTestId('pending-action').first();
  const id = await first.getAttribute('data-action-id');
  const row = page.locator(`[data-action-id="${id}"]`);
  await row.getByRole('button', { name: 'Approve' }).click();
  // Decided actions leave the pending queue, and stay gone after a reload.
  await expect(row).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('pending-action').first()).toBeVisible();
  await expect(row).toHaveCount(0);
});

test('pages carry the security headers', async ({ page }) => {
  const res = await page.goto('/sign-in');
  const headers = res?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
});
