import { expect, type Page } from '@playwright/test';

/**
 * Loads every page of the calls list (the demo month can hold more matching calls than one page)
 * and returns how many rows it shows. Scrolling may load a page by itself meanwhile, so the
 * button is clicked only while it is there.
 */
export async function loadWholeList(page: Page): Promise<number> {
  const rows = page.getByTestId('call-row');
  const end = page.getByText(/ · end of list$/);
  const more = page.getByRole('button', { name: /Load more calls|Loading|try again/ });
  for (let i = 0; i < 40; i++) {
    await expect(end.or(more)).toBeVisible();
    if (await end.isVisible()) break;
    const before = await rows.count();
    await more.click({ timeout: 5_000 }).catch(() => undefined);
    await expect.poll(async () => (await end.isVisible()) || (await rows.count()) > before).toBe(true);
  }
  await expect(end).toBeVisible();
  return rows.count();
}
