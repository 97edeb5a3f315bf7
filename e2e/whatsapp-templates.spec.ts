import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

// WhatsApp templates on Settings: an admin adds one with its body and parameters, sees the message
// with sample values as it is typed, is told what is wrong beside the field, and saves; an
// approver sees it; a viewer is told who does. The spec puts the setting back as it found it
// (the WHATSAPP_TEMPLATES seed), since other specs share the server.

test('an admin adds a template with parameters, sees the preview, saves it; approvers see it, viewers do not', async ({ page, browser }) => {
  await signIn(page, 'admin@callboard.local');
  await page.goto('/settings');
  const card = page.locator('#whatsapp-templates');
  await expect(card.getByTestId('whatsapp-templates-status')).toContainText('seeded from WHATSAPP_TEMPLATES');
  const before = await card.getByTestId('template-editor').count();

  await card.getByRole('button', { name: 'Add a template' }).click();
  const editor = card.getByTestId('template-editor').nth(before);
  await expect(editor.getByLabel('Name in WhatsApp Manager')).toBeFocused();
  await editor.getByLabel('Name in WhatsApp Manager').fill('Address Needed');
  await editor.getByLabel('Language').fill('en_US');
  await editor.getByLabel('Body, exactly as approved').fill('Hi {{1}}, we need your delivery address for order {{2}}. Send it here or at {{3}}');

  // One source per placeholder, the usual ones first; a link takes its address.
  await expect(editor.getByTestId('template-param')).toHaveCount(3);
  await expect(editor.getByLabel('{{1}}', { exact: true })).toHaveValue('customer_name');
  await expect(editor.getByLabel('{{2}}', { exact: true })).toHaveValue('order_reference');
  await editor.getByLabel('{{3}}', { exact: true }).selectOption({ label: 'A link' });
  const preview = editor.getByTestId('template-preview');
  await expect(preview).toHaveText('Hi Asha, we need your delivery address for order #1042. Send it here or at {{3}}');

  // Saving with mistakes names them beside their fields, and nothing is sent.
  await card.getByRole('button', { name: 'Save templates' }).click();
  await expect(card.getByRole('alert')).toContainText('Fix the 2 fields marked above before saving.');
  await expect(editor.getByLabel('Name in WhatsApp Manager')).toBeFocused();
  await expect(editor.getByTestId('field-error')).toHaveText([/lower case letters, digits and _/, 'Give the link']);

  await editor.getByLabel('Name in WhatsApp Manager').fill('address_needed_e2e');
  await editor.getByLabel('Link for {{3}}').fill('https://shop.example/address/{order_reference}');
  await expect(editor.getByTestId('field-error')).toHaveCount(0);
  await expect(preview).toHaveText('Hi Asha, we need your delivery address for order #1042. Send it here or at https://shop.example/address/1042');
  await card.getByRole('button', { name: 'Save templates' }).click();
  await expect(card.getByRole('status')).toHaveText(/Saved \d+ templates?/);
  await expect(card.getByTestId('whatsapp-templates-status')).toContainText('set by admin@callboard.local');
  await expect(card.getByTestId('whatsapp-templates-status')).not.toContainText('seeded');

  // What the database holds, read back.
  await page.reload();
  const saved = card.getByTestId('template-editor').filter({ hasText: 'address_needed_e2e' });
  await expect(saved.getByLabel('{{3}}', { exact: true })).toHaveValue('link');
  await expect(saved.getByTestId('template-preview')).toContainText('https://shop.example/address/1042');
  await page.screenshot({ path: 'test-results/e2e/settings-whatsapp-templates.png', fullPage: true });

  const approver = await browser.newPage();
  await signIn(approver, 'approver@callboard.local');
  await approver.goto('/settings');
  const seen = approver.locator('#whatsapp-templates').getByTestId('whatsapp-template').filter({ hasText: 'address_needed_e2e' });
  await expect(seen.getByTestId('template-preview')).toHaveText(
    'Hi Asha, we need your delivery address for order #1042. Send it here or at https://shop.example/address/1042',
  );
  await expect(approver.locator('#whatsapp-templates').getByRole('button')).toHaveCount(0);
  await approver.close();

  const viewer = await browser.newPage();
  await signIn(viewer, 'viewer@callboard.local');
  await viewer.goto('/settings');
  await expect(viewer.locator('#whatsapp-templates')).toContainText('Approvers and admins see the templates.');
  await expect(viewer.locator('#whatsapp-templates')).not.toContainText('address_needed_e2e');
  await viewer.close();

  // Back to the seed, as the other specs expect it.
  await card.getByRole('button', { name: 'Go back to the WHATSAPP_TEMPLATES names' }).click();
  await card.getByRole('button', { name: 'Yes, drop it' }).click();
  await expect(card.getByTestId('whatsapp-templates-status')).toContainText('seeded from WHATSAPP_TEMPLATES');
  await expect(card).not.toContainText('address_needed_e2e');
});
