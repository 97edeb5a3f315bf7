import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/auth/demo-users';

/**
 * Signs in through the real form, as a person would, and returns once the calls page (where
 * signing in lands) shows who is signed in: the form's own navigation has finished, so the
 * caller's next `goto` cannot race it.
 */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  // The button is enabled once the form has hydrated; click waits for that.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectSignedIn(page, email);
}

/**
 * Signs in through Better Auth's endpoint with the page's own cookie jar (page.request shares
 * the browser context's cookies), then opens the calls page as signing in would. Only auth.spec.ts
 * and the new-user flow need the form itself; everyone else skips a page load and a hydration.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const origin = process.env.E2E_BASE_URL;
  const res = await page.request.post('/api/auth/sign-in/email', {
    data: { email, password },
    headers: origin ? { origin } : {},
  });
  expect(res.status(), `sign-in as ${email}`).toBe(200);
  await page.goto('/');
  await expectSignedIn(page, email);
}

/** What the page shows once signed in: the calls page, its heading, and the user in the header. */
async function expectSignedIn(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/calls$/);
  await expect(page.getByRole('heading', { name: 'Calls', exact: true })).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText(email);
}
