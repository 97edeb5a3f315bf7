import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_SECRETS } from '../simulator/demo';
import { signFor } from '../simulator/sign';
import { parseCsv } from '../test/csv';
import { signIn } from './sign-in';
import { loadWholeList } from './whole-list';

// The calls list as the ops team uses it, on the demo data that global setup sent through the
// real webhooks: every provider shows, filters live in the URL and survive a reload, the CSV
// holds exactly the filtered calls, the keyboard moves through the table, a phone gets cards.

const PROVIDERS = [
  ['mirai', 'Mirai Minds'],
  ['minivoice', 'MiniVoice'],
  ['atoms', 'Smallest.ai Atoms'],
] as const;

async function pick(page: Page, filter: 'provider' | 'status', label: string): Promise<void> {
  const menu = page.getByTestId(`filter-${filter}`);
  await menu.locator('summary').click();
  await menu.getByLabel(label, { exact: true }).check();
  await menu.locator('summary').click();
}

test('lists every provider; provider and status filters live in the URL; the CSV holds exactly the filtered rows', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  await expect(page).toHaveURL(/\/calls$/);
  await expect(page.getByRole('heading', { name: 'Calls', exact: true })).toBeVisible();
  const rows = page.getByTestId('call-row');
  for (const [provider, label] of PROVIDERS) {
    const row = rows.and(page.locator(`[data-provider="${provider}"]`)).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText(label);
  }
  await expect(rows.locator('[data-status="completed"]').first()).toBeVisible();
  await expect(page.getByTestId('time-zone-note')).toContainText('Times in');
  await page.screenshot({ path: 'test-results/e2e/calls-list-page.png', fullPage: true });

  await pick(page, 'provider', 'MiniVoice');
  await expect(page).toHaveURL(/\?provider=minivoice$/);
  await pick(page, 'status', 'completed');
  await expect(page).toHaveURL(/\?provider=minivoice&status=completed$/);
  await expect(rows.first()).toBeVisible();
  await expect(rows.and(page.locator(':not([data-provider="minivoice"])'))).toHaveCount(0);
  await expect(rows.locator('[data-status]:not([data-status="completed"])')).toHaveCount(0);
  const firstPage = await rows.count();

  await page.reload();
  await expect(page).toHaveURL(/\?provider=minivoice&status=completed$/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Provider: MiniVoice');
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Status: completed');
  await expect(rows).toHaveCount(firstPage);
  // The demo month holds more MiniVoice calls than one page: the CSV is compared with all of them.
  const shown = await loadWholeList(page);
  await expect(rows.and(page.locator(':not([data-provider="minivoice"])'))).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^calls-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...data] = parseCsv((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
  expect(header?.slice(0, 3)).toEqual(['call_id', 'provider_call_id', 'provider']);
  const column = (name: string) => (header ?? []).indexOf(name);
  expect(data).toHaveLength(shown);
  for (const record of data) {
    expect(record[column('provider')]).toBe('minivoice');
    expect(record[column('status')]).toBe('completed');
  }
  const listed = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('a')?.getAttribute('href')?.split('/').pop()));
  expect(data.map((r) => r[column('call_id')])).toEqual(listed);

  // Back undoes a filter: each discrete change was its own history entry.
  await page.goBack();
  await expect(page).toHaveURL(/\?provider=minivoice$/);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page).toHaveURL(/\/calls$/);
});

test('search by the last 10 digits, keyboard through the table, hide a column', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const rows = page.getByTestId('call-row');
  await expect(rows.first()).toBeVisible();
  const numbers = await rows.locator('td .font-mono').allTextContents();
  const number = numbers.map((n) => n.trim()).find((n) => n.replace(/\D/g, '').length >= 10) ?? '';
  expect(number).toMatch(/^\+\d{10,}$/);
  await page.getByLabel('Search calls').fill(number.replace(/\D/g, '').slice(-10));
  await expect(page).toHaveURL(/\?q=\d{10}$/);
  await expect(rows.first()).toContainText(number);
  await expect(rows.filter({ hasNotText: number })).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear all' }).click();

  await expect(rows.nth(1)).toBeVisible();
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows.first()).toBeFocused();
  const href = await rows.first().locator('a').first().getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await page.goBack();

  const columns = page.getByTestId('column-menu');
  await columns.locator('summary').click();
  await columns.getByLabel('Outcome').uncheck();
  await expect(page.getByRole('columnheader', { name: 'Outcome' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Duration' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Outcome' })).toHaveCount(0);
});

test('on a phone the list is cards', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'viewer@callboard.local');
  const cards = page.getByTestId('call-card');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByTestId('call-row').first()).toBeHidden();
  // Viewers see numbers masked here too.
  await expect(cards.first()).toContainText('•••••');
  await page.screenshot({ path: 'test-results/e2e/calls-list-mobile.png', fullPage: false });
});

test('a call that arrives while the list is open is announced, not slipped in under the pointer', async ({ page }) => {
  // Specs in the other worker post calls too. The list is filtered to a metadata value only this
  // test's calls carry, so the banner counts exactly the call posted here, whatever runs beside it.
  const run = `e2e-live-${randomUUID().slice(0, 8)}`;
  const post = async () => {
    const providerCallId = `e2e_live_${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify({
      metadata: { e2eRun: run },
      event: { type: 'call.completed', data: { call: { id: providerCallId, status: 'completed', durationSeconds: 12 } } },
    });
    const res = await page.request.post('/api/webhooks/mirai', {
      data: body,
      headers: { 'content-type': 'application/json', ...signFor('mirai', body, DEMO_SECRETS.mirai) },
    });
    expect(res.status()).toBe(200);
    const { calls } = (await (await page.request.get(`/api/calls?q=${providerCallId}`)).json()) as { calls: { id: string }[] };
    expect(calls).toHaveLength(1);
    return `/calls/${calls[0]?.id}`;
  };

  await signIn(page, 'approver@callboard.local');
  const firstHref = await post();
  // The list's poll for changes starts once the page has hydrated; its first answer says so.
  const polled = page.waitForResponse((r) => r.url().includes('/api/calls?') && r.url().includes('updatedSince=') && r.url().includes(run) && r.ok());
  await page.goto(`/calls?meta=e2eRun%3D${run}`);
  const rows = page.getByTestId('call-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('a').first()).toHaveAttribute('href', firstHref);
  await polled;

  const href = await post();
  // Coming back to the tab checks at once (the poll would, within 15 s).
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  const banner = page.getByTestId('new-calls');
  await expect(banner).toHaveText(/1 new call\b/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('a').first()).toHaveAttribute('href', firstHref);

  await banner.click();
  await expect(rows).toHaveCount(2);
  // Newest activity first: the new call is on top now that it was asked for.
  await expect(rows.first().locator('a').first()).toHaveAttribute('href', href);
  await expect(banner).toBeHidden();
});
