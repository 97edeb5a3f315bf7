import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_SECRETS } from '../simulator/demo';
import { signFor } from '../simulator/sign';
import { signIn } from './sign-in';

// Deliveries are posted the way Mirai would post them; the server runs with the demo secrets.
async function postMirai(page: Page, body: string, secret: string = DEMO_SECRETS.mirai): Promise<number> {
  const res = await page.request.post('/api/webhooks/mirai', {
    data: body,
    headers: { 'content-type': 'application/json', ...signFor('mirai', body, secret) },
  });
  return res.status();
}

function miraiCompleted(callId: string, phone: string): string {
  return JSON.stringify({
    metadata: { customerPhone: phone },
    event: { type: 'call.completed', data: { call: { id: callId, status: 'completed', durationSeconds: 42 } } },
  });
}

test('the deliveries page shows a good, a duplicate and a badly signed delivery, with the signature masked', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const callId = `e2e_${randomUUID().slice(0, 8)}`;
  const body = miraiCompleted(callId, '+919812345678');
  expect(await postMirai(page, body)).toBe(200);
  expect(await postMirai(page, body)).toBe(200);
  expect(await postMirai(page, body, 'sk_not_the_demo_secret')).toBe(401);

  await page.getByRole('link', { name: 'Deliveries', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Deliveries' })).toBeVisible();
  const mirai = page.locator('[data-testid="provider-health"][data-provider="mirai"]');
  await expect(mirai).toContainText('in 24 h');
  // Other specs post to Mirai meanwhile, so the verdict may be healthy or "some refused"; its cause is named.
  await expect(mirai.getByTestId('health-state')).toHaveAttribute('data-state', /^(healthy|degraded)$/);
  await expect(mirai.locator('[data-testid="refusal-cause"][data-code="signature_invalid"]')).toContainText('signature invalid');
  const filters = page.getByRole('form', { name: 'Filter deliveries' });
  await filters.getByLabel('Provider').selectOption('mirai');
  await filters.getByLabel('Search').fill(callId);
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`provider=mirai.*q=${callId}`));

  const rows = page.getByTestId('delivery-row');
  await expect(rows).toHaveCount(3);
  // Newest first: the badly signed one came last.
  await expect(rows.nth(0)).toHaveAttribute('data-outcome', 'rejected');
  await expect(rows.nth(0)).toContainText('signature_invalid');
  await expect(rows.nth(0).getByTestId('delivery-verification')).toHaveText('invalid');
  await expect(rows.nth(1)).toHaveAttribute('data-outcome', 'duplicate');
  await expect(rows.nth(2)).toHaveAttribute('data-outcome', 'stored');
  await expect(rows.nth(2)).toContainText(callId);

  const signature = signFor('mirai', body, DEMO_SECRETS.mirai)['x-signature']!;
  await rows.nth(2).getByRole('button', { name: 'Body & headers' }).click();
  const detail = page.getByTestId('delivery-detail');
  await expect(detail.getByTestId('delivery-body')).toContainText(callId);
  await expect(detail.getByTestId('delivery-body')).toContainText('+919812345678');
  const header = detail.locator('[data-header="x-signature"]');
  await expect(header).toContainText(`${signature.slice(0, 6)}…`);
  await expect(header).toContainText('(masked)');
  await expect(detail).not.toContainText(signature);
  await page.screenshot({ path: 'test-results/e2e/deliveries.png', fullPage: true });
});

test('a viewer sees a delivery body with personal data masked', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  const callId = `e2e_${randomUUID().slice(0, 8)}`;
  expect(await postMirai(page, miraiCompleted(callId, '+919800011122'))).toBe(200);
  await page.goto(`/deliveries?q=${callId}`);
  const row = page.getByTestId('delivery-row');
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Body & headers' }).click();
  const detail = page.getByTestId('delivery-detail');
  await expect(detail).toContainText('Personal data is masked for your role');
  await expect(detail.getByTestId('delivery-body')).toContainText('+91•••••1122');
  await expect(detail.getByTestId('delivery-body')).not.toContainText('9800011122');
});
