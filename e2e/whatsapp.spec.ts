import { createHmac, randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { DEMO_PASSWORD } from '../lib/auth/demo-users';
import { signMirai } from '../lib/providers/mirai/simulate';
import { DEMO_SECRETS } from '../simulator/demo';
import { WA_APP_SECRET, WA_BUSINESS_NUMBER, WA_PHONE_NUMBER_ID, WA_TEMPLATE } from './whatsapp-settings';

// WhatsApp that reaches the customer, as the ops team sees it (issue 17). The spec runs against
// the second e2e server (global-setup.ts: WhatsApp set up, the Cloud API a local fake, its own
// database). An approver approves a message; what Meta would then send, signed with the app
// secret, is posted to /api/webhooks/whatsapp: the statuses (✓ sent, ✓✓ delivered, read; a
// failure with its code) and the customer's reply. The queue's receipt, the action's page, the
// call's page and the customer's page show them. Every wait is on what the page shows.

const WA_BASE = process.env.E2E_WA_BASE_URL ?? 'http://127.0.0.1:4107';
test.use({ baseURL: WA_BASE });

interface Raised {
  number: string;
  callId: string;
  messageId: string;
  orderId: string;
}

async function mirai(page: Page, payload: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify(payload);
  const res = await page.request.post('/api/webhooks/mirai', {
    headers: { 'content-type': 'application/json', ...signMirai(body, DEMO_SECRETS.mirai) },
    data: body,
  });
  expect(res.status()).toBe(200);
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_WA_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A finished call with a customer's number, raising a WhatsApp message (missing address) and an order. */
async function raise(page: Page): Promise<Raised> {
  const providerCallId = `e2e_wa_${randomUUID().slice(0, 8)}`;
  const number = `+9196${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const metadata = { phone: number, customer_name: 'Asha Rao' };
  await mirai(page, { metadata, event: { type: 'call.completed', data: { call: { id: providerCallId, status: 'completed', durationSeconds: 42 } } } });
  await mirai(page, {
    metadata,
    event: { type: 'action', data: { action: 'send_whatsapp', call: { id: providerCallId }, reason: 'missing_address', payload: { number } } },
  });
  await mirai(page, {
    metadata,
    event: {
      type: 'action',
      data: { action: 'create_order', call: { id: providerCallId }, payload: { phone: number, lineItems: [{ variantId: '1', quantity: 2 }], cartTotal: 300 } },
    },
  });
  const rows = await query<{ call_id: string; id: string; kind: string }>('SELECT call_id, id, kind FROM action WHERE provider_call_id = $1', [providerCallId]);
  const message = rows.find((r) => r.kind === 'send_whatsapp');
  const order = rows.find((r) => r.kind === 'create_order');
  if (!message || !order) throw new Error(`the actions of ${providerCallId} were not stored`);
  return { number, callId: message.call_id, messageId: message.id, orderId: order.id };
}

async function signIn(page: Page, email: string): Promise<void> {
  const res = await page.request.post('/api/auth/sign-in/email', { data: { email, password: DEMO_PASSWORD }, headers: { origin: WA_BASE } });
  expect(res.status(), `sign-in as ${email}`).toBe(200);
}

/** What Meta posts: one change for our business number, signed with the app secret. */
async function meta(page: Page, value: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: WA_BUSINESS_NUMBER, phone_number_id: WA_PHONE_NUMBER_ID }, ...value },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac('sha256', WA_APP_SECRET).update(body).digest('hex')}`;
  const res = await page.request.post('/api/webhooks/whatsapp', {
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    data: body,
  });
  expect(res.status(), (await res.text()).slice(0, 300)).toBe(200);
}

let clock = Math.floor(Date.now() / 1000);
function tick(): string {
  clock += 5;
  return String(clock);
}

function status(wamid: string, number: string, state: 'sent' | 'delivered' | 'read' | 'failed', errors?: unknown[]) {
  return { statuses: [{ id: wamid, status: state, timestamp: tick(), recipient_id: number.replace('+', ''), ...(errors ? { errors } : {}) }] };
}

function reply(number: string, text: string) {
  const waId = number.replace('+', '');
  return {
    contacts: [{ profile: { name: 'Asha Rao' }, wa_id: waId }],
    messages: [{ from: waId, id: `wamid.e2e${randomUUID().replace(/-/g, '')}`, timestamp: tick(), type: 'text', text: { body: text } }],
  };
}

/** Approves the message on its queue card (choosing the template where a template is asked for) and returns the wamid the Cloud API gave it. */
async function approve(page: Page, raised: Raised): Promise<string> {
  await page.goto('/approvals');
  const card = page.locator(`[data-action-id="${raised.messageId}"]`);
  await expect(card).toBeVisible();
  const picker = card.locator('select').first();
  if ((await picker.count()) > 0 && (await picker.locator(`option[value="${WA_TEMPLATE}"]`).count()) > 0) await picker.selectOption(WA_TEMPLATE);
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  const receipt = page.locator(`[data-decided-id="${raised.messageId}"]`);
  // Sent once the undo window passed: the receipt waits for Meta's first word.
  await expect(receipt.getByTestId('live-message')).toContainText("waiting for WhatsApp's receipt", { timeout: 30_000 });
  const [row] = await query<{ response_id: string | null }>('SELECT response_id FROM dispatch_outbox WHERE action_id = $1', [raised.messageId]);
  expect(row?.response_id).toMatch(/^wamid\./);
  return String(row?.response_id);
}

test("approved, then ✓ sent, ✓✓ delivered, read; the customer's reply on the queue, the action, the call and the customer's page", async ({ page }) => {
  const raised = await raise(page);
  await signIn(page, 'approver@callboard.local');
  const wamid = await approve(page, raised);
  const receipt = page.locator(`[data-decided-id="${raised.messageId}"]`);
  const state = receipt.getByTestId('message-state');

  await meta(page, status(wamid, raised.number, 'sent'));
  await expect(state).toHaveAttribute('data-state', 'sent', { timeout: 20_000 });
  await expect(state).toContainText('✓ sent');
  await meta(page, status(wamid, raised.number, 'delivered'));
  await expect(state).toHaveAttribute('data-state', 'delivered', { timeout: 20_000 });
  await expect(state).toContainText('✓✓ delivered');
  await meta(page, status(wamid, raised.number, 'read'));
  // Meta repeats itself and is late: a delivered after read changes nothing.
  await meta(page, status(wamid, raised.number, 'delivered'));
  await expect(state).toHaveAttribute('data-state', 'read', { timeout: 20_000 });
  await expect(state).toContainText('read');

  await meta(page, reply(raised.number, 'It is 14 Lake View Road, Kochi'));
  await expect(receipt.getByTestId('replied')).toContainText('replied', { timeout: 20_000 });
  // The order raised with it is still waiting: its card says the customer replied.
  await page.reload();
  await expect(page.locator(`[data-action-id="${raised.orderId}"]`).getByTestId('replied')).toContainText('14 Lake View Road');

  await page.goto(`/approvals/${raised.messageId}`);
  await expect(page.getByTestId('message-state').first()).toHaveAttribute('data-state', 'read');
  const thread = page.getByTestId('action-whatsapp');
  await expect(thread.locator('[data-direction="outbound"]')).toBeVisible();
  await expect(thread.locator('[data-direction="inbound"]')).toContainText('14 Lake View Road');

  await page.goto(`/calls/${raised.callId}`);
  await expect(page.getByTestId('whatsapp-section').locator('[data-direction="inbound"]')).toContainText('14 Lake View Road');
  await page.getByTestId('customer-link').click();
  await expect(page).toHaveURL(new RegExp(`/customers/${encodeURIComponent(raised.number).replace('+', '\\+')}$`));
  const timeline = page.getByTestId('customer-timeline');
  await expect(page.getByTestId('customer-number')).toHaveText(raised.number);
  await expect(timeline.locator('[data-type="message"]')).toHaveCount(2);
  await expect(timeline.locator('[data-type="message"]').first()).toContainText('14 Lake View Road');
  await expect(timeline.getByTestId('timeline-call')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-action')).toHaveCount(2);
  await expect(page.getByTestId('customer-window')).toHaveAttribute('data-state', 'open');
  await expectAccessible(page);
  await page.goto(`/approvals/${raised.messageId}`);
  await expect(page.getByTestId('message-state').first()).toHaveAttribute('data-state', 'read');
  await expectAccessible(page);
});

/** axe's WCAG 2.1 A/AA rules, for what eyes miss: none may fail on the page as it is shown. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a failed status shows the reason on the receipt and on the action', async ({ page }) => {
  const raised = await raise(page);
  await signIn(page, 'approver@callboard.local');
  const wamid = await approve(page, raised);
  await meta(
    page,
    status(wamid, raised.number, 'failed', [
      { code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message Undeliverable.' } },
    ]),
  );
  const receipt = page.locator(`[data-decided-id="${raised.messageId}"]`);
  await expect(receipt.getByTestId('message-state')).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await expect(receipt.getByTestId('message-failure')).toContainText('WhatsApp error 131026: the message could not be delivered');
  await page.goto(`/approvals/${raised.messageId}`);
  await expect(page.getByTestId('message-failure').first()).toContainText('131026');
});

test("a viewer opens the customer's page by the call, and reads no number in the URL or on the page", async ({ page }) => {
  const raised = await raise(page);
  await signIn(page, 'viewer@callboard.local');
  await page.goto(`/calls/${raised.callId}`);
  await page.getByTestId('customer-link').click();
  await expect(page).toHaveURL(new RegExp(`/customers/call-${raised.callId}$`));
  await expect(page.getByTestId('customer-header')).toContainText('masked for your role');
  const digits = raised.number.replace('+', '');
  await expect(page.locator('body')).not.toContainText(digits.slice(-10));
  await expect(page.getByTestId('customer-number')).toContainText('•••');
  await expectAccessible(page);
});
