import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { drainOutbox } from '@/lib/dispatch/drain';
import { approver, attemptsOf, customerWrote, drainUntilSettled, orderPayload, outboxRows, seedActions, testConfig, WEBHOOK_SECRET } from '@/test/dispatch';
import { type Behaviour, type FakeDestination, shopifyFake, standardWebhookFake } from '@/test/fake-destinations';

// The transport under the drainer: a request that cannot have been processed is told apart from
// one that may have been, and only the latter may become needs_check or use up an attempt; one
// slow request does not hold the drainer back from the rest.

let endpoint: FakeDestination;
let config: DispatchConfig;

beforeAll(async () => {
  endpoint = await standardWebhookFake(WEBHOOK_SECRET);
  config = testConfig({
    orderWebhook: { url: `${endpoint.origin}/orders`, secret: WEBHOOK_SECRET },
    whatsappWebhook: { url: `${endpoint.origin}/whatsapp`, secret: WEBHOOK_SECRET },
  });
});

afterAll(() => endpoint.close());

async function approvedOrders(n: number, cfg: DispatchConfig, script: (i: number) => Behaviour[] = () => []) {
  const ids = await seedActions(n, 'create_order', (i) => orderPayload(`transport-${i}`));
  for (const id of ids) await decideAction(approver, id, { decision: 'approve' }, cfg);
  const rows = await outboxRows(ids);
  const keys = ids.map((id) => rows.find((r) => r.action_id === id)?.id ?? '');
  keys.forEach((key, i) => {
    endpoint.script.set(key, script(i));
  });
  return { ids, keys };
}

describe('a request that cannot have been processed', () => {
  it('on a kept-alive connection the receiver had closed: sent again on a fresh one, once, and never needs_check', async () => {
    // Open connections first, then the receiver "restarts": every request arriving on a
    // connection that already carried one is reset unread.
    const warm = await approvedOrders(4, config);
    await drainUntilSettled(warm.ids, config);
    const resetsBefore = endpoint.resets;
    endpoint.resetReused = true;
    try {
      const { ids, keys } = await approvedOrders(6, config);
      await drainOutbox({ actionIds: ids, config, limit: 6 });
      expect(endpoint.resets).toBeGreaterThan(resetsBefore);
      const rows = await outboxRows(ids);
      expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'sent'));
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
      for (const key of keys) expect(endpoint.effects.get(key)).toBe(1);
    } finally {
      endpoint.resetReused = false;
    }
  });

  it('refused before anything was sent: retried, and it does not use up the attempts that may reach the destination', async () => {
    const gone = await standardWebhookFake(WEBHOOK_SECRET);
    await gone.close();
    const down = testConfig({ orderWebhook: { url: `${gone.origin}/orders`, secret: WEBHOOK_SECRET } });
    const { ids } = await approvedOrders(1, down);
    // Twice the attempt limit (4 here) of refused connections: still pending, no attempt used.
    for (let i = 0; i < 8; i++) {
      await drainOutbox({ actionIds: ids, config: down });
      await outboxRows(ids);
      await import('@/test/webhooks').then(({ testDb }) =>
        testDb().query(`UPDATE dispatch_outbox SET next_attempt_at = now() WHERE action_id = ANY($1::uuid[]) AND status = 'pending'`, [ids]),
      );
    }
    const [row] = await outboxRows(ids);
    // A fast test policy may retry within one drain: at least the eight drains' worth.
    expect(row?.unreached_attempts).toBeGreaterThanOrEqual(8);
    expect(row).toMatchObject({
      status: 'pending',
      action_status: 'approved',
      attempts: 0,
      last_error: expect.stringMatching(/ECONNREFUSED.*nothing was sent/),
    });
    expect((await attemptsOf(ids[0] ?? '')).every((a) => a.outcome === 'retry')).toBe(true);
  });

  it('a destination that never answers the connection attempt at all gives up in the end, as failed (nothing was sent), not needs_check', async () => {
    const gone = await standardWebhookFake(WEBHOOK_SECRET);
    await gone.close();
    const down = testConfig({ orderWebhook: { url: `${gone.origin}/orders`, secret: WEBHOOK_SECRET } });
    const { ids } = await approvedOrders(1, down);
    await drainUntilSettled(ids, down, 40);
    expect((await outboxRows(ids))[0]).toMatchObject({
      status: 'failed',
      action_status: 'failed',
      attempts: 0,
      last_error: expect.stringMatching(/never reached/),
    });
  });
});

describe('one slow request does not hold the others', () => {
  it('while one request hangs, the drainer claims the next and a Retry-After retry goes out on time', async () => {
    const slow = testConfig({
      orderWebhook: { url: `${endpoint.origin}/orders`, secret: WEBHOOK_SECRET },
      whatsappWebhook: { url: `${endpoint.origin}/whatsapp`, secret: WEBHOOK_SECRET },
      timeoutMs: 4_000,
    });
    const { ids, keys } = await approvedOrders(2, slow, (i) => (i === 0 ? ['hang'] : ['throttle:1']));
    const started = Date.now();
    await drainOutbox({ actionIds: ids, config: slow, limit: 2, deadline: Date.now() + 6_000 });
    const throttled = await attemptsOf(ids[1] ?? '');
    expect(throttled.map((a) => a.http_status)).toEqual([429, 200]);
    const [first, second] = throttled.map((a) => a.started_at.getTime());
    // Retry-After: 1 → the retry within 1 s + a poll, not after the 4 s hang.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(950);
    expect((second ?? 0) - (first ?? 0)).toBeLessThan(1_800);
    expect(endpoint.effects.get(keys[1] ?? '')).toBe(1);
    expect(Date.now() - started).toBeLessThan(6_500);
  }, 20_000);

  it('more rows than slots, one hanging: the rest are all sent before the hang times out', async () => {
    const slow = testConfig({ orderWebhook: { url: `${endpoint.origin}/orders`, secret: WEBHOOK_SECRET }, timeoutMs: 3_000 });
    const { ids } = await approvedOrders(8, slow, (i) => (i === 0 ? ['hang'] : []));
    const started = Date.now();
    const report = drainOutbox({ actionIds: ids, config: slow, limit: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const sentWhileHanging = (await outboxRows(ids)).filter((r) => r.status === 'sent').length;
    expect(sentWhileHanging).toBe(7);
    await report;
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
  }, 20_000);

  it('one destination hanging on every request does not hold another: messages go out while orders hang', async () => {
    const shop = await shopifyFake('shpat_slow');
    try {
      const mixed = testConfig({
        shopify: { domain: shop.host, token: 'shpat_slow', apiVersion: '2025-10', currency: 'INR' },
        whatsappWebhook: { url: `${endpoint.origin}/whatsapp`, secret: WEBHOOK_SECRET },
        timeoutMs: 3_000,
      });
      const orders = await seedActions(6, 'create_order', (i) => orderPayload(`slow-shop-${i}`));
      const messages = await seedActions(3, 'send_whatsapp', () => ({}), { reason: 'missing_first_name' });
      await customerWrote('+919800000000', new Date(Date.now() - 3600_000));
      for (const id of [...orders, ...messages]) await decideAction(approver, id, { decision: 'approve' }, mixed);
      for (const row of await outboxRows(orders)) shop.script.set(row.id, ['hang']);
      const report = drainOutbox({ actionIds: [...orders, ...messages], config: mixed, limit: 4, maxBatches: 20 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await outboxRows(messages)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
      await report;
    } finally {
      await shop.close();
    }
  }, 30_000);
});

describe('waiting for what falls due', () => {
  it('with a deadline, a drainer waits for a retry due before it, not for one due after it', async () => {
    const { ids } = await approvedOrders(1, config, () => ['throttle:3']);
    const started = Date.now();
    await drainOutbox({ actionIds: ids, config, deadline: Date.now() + 1_500 });
    // Retry-After: 3 falls due after the deadline: the drainer stops at once instead of idling.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await outboxRows(ids))[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
