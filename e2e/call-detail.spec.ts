import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_SECRETS } from '../simulator/demo';
import { signFor } from '../simulator/sign';
import { signIn } from './sign-in';

// The call detail page as an approver sees it, on demo calls sent through the real webhooks.
// Calls are found through the JSON API with the signed-in session, then opened by id.

interface ListedCall {
  id: string;
  provider: string;
  providerCallId: string;
  status: string;
  attempts: number;
}

async function findCall(page: Page, query: string, pick: (c: ListedCall) => boolean): Promise<ListedCall> {
  const res = await page.request.get(`/api/calls?${query}`);
  expect(res.ok()).toBe(true);
  const { calls } = (await res.json()) as { calls: ListedCall[] };
  const call = calls.find(pick);
  if (!call) throw new Error(`no demo call matches ${query}`);
  return call;
}

/** Every section fits the viewport: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an Atoms call: transcript with search, analysis as tables, one attempt, raw payload on expand', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  // A demo call (ids call_…): the recording test beside this one posts a current-envelope Atoms
  // call (CALL-e2e-…) that may be newer, and it tells a different story.
  // One whose transcript reads the order back (a callback request does not), found by search.
  const call = await findCall(page, 'provider=atoms&status=completed&q=cash%20on%20delivery&limit=100', (c) => c.providerCallId.startsWith('call_'));
  await page.goto(`/calls/${call.id}`);

  await expect(page.getByTestId('call-header')).toContainText('Smallest.ai Atoms');
  const turns = page.getByTestId('transcript-turn');
  await expect(turns.first()).toBeVisible();
  const total = await turns.count();
  expect(total).toBeGreaterThan(3);
  await expect(turns.first()).toHaveAttribute('data-role', 'agent');

  const search = page.getByPlaceholder('Search the transcript');
  await search.fill('cash on delivery');
  await expect(page.getByTestId('transcript-count')).toContainText(`of ${total} turns match`);
  await expect(turns.first().locator('mark')).toHaveText(/cash on delivery/i);
  await search.fill('zzz-nothing-says-this');
  await expect(page.getByText('No turn mentions “zzz-nothing-says-this”.')).toBeVisible();
  await search.fill('');
  await expect(turns).toHaveCount(total);

  const analysis = page.getByTestId('analysis');
  await expect(analysis.getByTestId('analysis-metrics')).toContainText('Satisfaction score');
  await expect(analysis).toContainText('Disposition');
  await expect(page.getByTestId('no-detail-page')).toContainText('Atoms webhooks carry no link');

  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-attempt')).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-step')).toHaveCount(3);
  await expect(page.getByTestId('completeness')).toContainText('All 3 expected events arrived, in order.');

  const payload = timeline.getByTestId('payload').first();
  await expect(payload.getByTestId('payload-json')).toBeHidden();
  await payload.getByText('Raw payload').click();
  await expect(payload.getByTestId('payload-json')).toBeVisible();
  await expect(payload.getByTestId('payload-json')).toContainText('"event": "call.start"');

  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/e2e/call-detail.png', fullPage: true });
});

test('a rescheduled Mirai call: two attempts, the repeated initiate, no transcript but a link and the recording', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const call = await findCall(page, 'provider=mirai&status=completed&limit=100', (c) => c.attempts > 1);
  await page.goto(`/calls/${call.id}`);

  const attempts = page.getByTestId('timeline-attempt');
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText('Attempt 1');
  await expect(attempts.nth(0).locator('[data-type="call.no-answer"]')).toBeVisible();
  await expect(attempts.nth(0).locator('[data-type="call.rescheduled"]')).toBeVisible();
  await expect(attempts.nth(0).locator('[data-type="call.initiate"]')).toContainText('received 2×');
  await expect(attempts.nth(1)).toContainText('after a reschedule');
  await expect(attempts.nth(1).locator('[data-type="call.in-progress"]')).toBeVisible();
  await expect(page.locator('[data-testid="expected-step"][data-state="collapsed"]')).toHaveCount(1);

  await expect(page.getByTestId('no-transcript')).toContainText('carry no transcript');
  await expect(page.getByRole('link', { name: /Open the call in Mirai Minds/ })).toHaveAttribute('href', /^https:\/\/app\.miraiminds\.co\/calls\//);
  await expect(page.getByTestId('recording-audio')).toHaveAttribute('src', /^https:\/\/cdn\.miraiminds\.co\/recordings\//);
  await expect(page.getByTestId('analysis-summary')).not.toBeEmpty();

  const step = attempts.nth(1).locator('[data-type="end-of-call"]');
  await step.getByText('Raw payload').click();
  await expect(step.getByTestId('payload-json')).toContainText('"analysis"');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('call-header')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/e2e/call-detail-mobile.png', fullPage: true });
});

test('a recorded Atoms call: clicking a turn plays the recording from that turn', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const callId = `CALL-e2e-${Date.now()}`;
  // The current Atoms envelope carries a recording and timed turns; the demo's seed format does not.
  for (const name of ['pre-conversation.json', 'post-conversation.json', 'analytics-completed-canonical.json']) {
    const body = JSON.parse(readFileSync(`lib/providers/atoms/fixtures/${name}`, 'utf8')) as { id: string; metadata: { callId: string } };
    body.metadata.callId = callId;
    body.id = `${callId}-${name}`;
    const raw = JSON.stringify(body);
    const res = await page.request.post('/api/webhooks/atoms', {
      data: raw,
      headers: { 'content-type': 'application/json', ...signFor('atoms', raw, DEMO_SECRETS.atoms, new Date()) },
    });
    expect(res.status()).toBe(200);
  }
  const call = await findCall(page, `provider=atoms&q=${encodeURIComponent(callId)}`, (c) => c.providerCallId === callId);
  await page.goto(`/calls/${call.id}`);

  const audio = page.getByTestId('recording-audio');
  await expect(audio).toHaveAttribute('src', /composite\.wav$/);
  const second = page.getByTestId('transcript-turn').nth(1);
  await second.getByRole('button', { name: /^Play from 0:08/ }).click();
  await expect(second).toHaveAttribute('data-active', 'true');
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeCloseTo(8.556, 1);
});

test('a busy Mirai v1 call names the customer from its metadata: in the list, the header and other calls with this number', async ({ page }) => {
  await signIn(page, 'approver@callboard.local');
  const callId = `e2e_busy_${Date.now()}`;
  const number = `+9199${String(Date.now()).slice(-8)}`;
  const metadata = { customerPhone: number };
  const post = async (provider: 'mirai' | 'minivoice', body: object) => {
    const raw = JSON.stringify(body);
    const res = await page.request.post(`/api/webhooks/${provider}`, {
      data: raw,
      headers: { 'content-type': 'application/json', ...signFor(provider, raw, DEMO_SECRETS[provider], new Date()) },
    });
    expect(res.status()).toBe(200);
  };
  for (const type of ['call.initiate', 'call.busy']) {
    await post('mirai', { metadata, event: { type, data: { call: { id: callId, status: type.slice(5) } } } });
  }
  await post('mirai', { metadata, event: { type: 'call.lifecycle-ended', data: { call: { id: callId }, report: { finalStatus: 'busy' } } } });
  // The same customer calling in on MiniVoice, where the number is the provider's own `from`.
  const inbound = JSON.parse(readFileSync('lib/providers/minivoice/fixtures/call-completed.json', 'utf8')) as { call: Record<string, string> };
  Object.assign(inbound.call, { id: `${callId}_mv`, direction: 'inbound', from: number });
  await post('minivoice', inbound);

  const call = await findCall(page, `q=${callId}`, (c) => c.providerCallId === callId);
  expect(call.status).toBe('busy');

  await page.goto(`/calls?q=${encodeURIComponent(number.slice(-4))}`);
  await expect(page.getByTestId('call-row').filter({ hasText: number }).first()).toBeVisible();

  await page.goto(`/calls/${call.id}`);
  await expect(page.getByTestId('call-header')).toContainText(number);
  await expect(page.getByTestId('call-header')).not.toContainText('Unknown number');
  await expect(page.getByTestId('other-calls').getByTestId('other-call')).toHaveCount(1);
});

test("a viewer reads an Atoms call with the customer's name, number and delivery address masked in the transcript, variables and payloads", async ({
  page,
  browser,
}) => {
  await signIn(page, 'approver@callboard.local');
  // A demo call whose customer confirmed: its transcript reads the delivery address back.
  const listed = await findCall(page, 'provider=atoms&status=completed&limit=100', (c) => c.providerCallId.startsWith('call_'));
  const res = await page.request.get(`/api/calls/${listed.id}`);
  const { call } = (await res.json()) as { call: { variables: Record<string, string>; transcript: { text: string }[]; customerNumber: string } };
  const name = call.variables.customer_name ?? '';
  expect(name).toMatch(/\S+ \S+/);
  const secrets = [name, name.split(' ')[0] ?? name, call.customerNumber, call.customerNumber.replace(/\D/g, '').slice(-10)];
  const delivery = call.transcript.map((t) => /Delivery (.+), [^,]+ \d{6} pe karni hai/.exec(t.text)?.[1]).find(Boolean);
  if (delivery) secrets.push(delivery);

  const viewer = await browser.newPage();
  await signIn(viewer, 'viewer@callboard.local');
  await viewer.goto(`/calls/${listed.id}`);
  await expect(viewer.getByText('Names, phone numbers, emails and addresses are masked for your role')).toBeVisible();
  await expect(viewer.getByTestId('transcript-turn').first()).toBeVisible();
  await expect(viewer.getByTestId('variables')).toContainText('•••');
  // The whole document: collapsed raw payloads, and the data handed to client components.
  const text = (await viewer.locator('html').textContent()) ?? '';
  for (const secret of secrets) expect(text, `the viewer's page shows ${secret}`).not.toContain(secret);
  await viewer.screenshot({ path: 'test-results/e2e/call-detail-viewer.png', fullPage: true });
  await viewer.close();
});

test('an unknown call id shows the not-found state', async ({ page }) => {
  await signIn(page, 'viewer@callboard.local');
  await page.goto('/calls/00000000-0000-0000-0000-000000000000');
  await expect(page.getByText('No call with this id')).toBeVisible();
});
