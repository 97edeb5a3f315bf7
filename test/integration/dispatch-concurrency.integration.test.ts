import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import type { DispatchConfig } from '@/lib/dispatch/config';
import { drainOutbox } from '@/lib/dispatch/drain';
import { approver, drainUntilSettled, orderPayload, outboxRows, seedActions, testConfig, WEBHOOK_SECRET } from '@/test/dispatch';
import { type FakeDestination, standardWebhookFake } from '@/test/fake-destinations';
import { onEmbeddedPostgres } from '@/test/setup/test-database';

// The embedded Postgres is one backend session behind a socket multiplexer: drainers cannot
// truly overlap there, and truly concurrent extended-protocol queries collide in it ('portal ""
// does not exist'). The race is about Postgres row locks, so it runs against a real server
// (`npm test` with DATABASE_URL, as CI does).
const realServer = !onEmbeddedPostgres(inject('databaseUrl'));
const ACTIONS = 1000;

// Races: two people approving at once, and four drainers sharing a thousand rows. The fake
// endpoint counts requests per idempotency key; exactly once means every count is one.

let endpoint: FakeDestination;
let config: DispatchConfig;

beforeAll(async () => {
  endpoint = await standardWebhookFake(WEBHOOK_SECRET);
  // The stand-in answers at once; on a loaded 2-core machine 1000 sends still queued past 5 s and
  // counted as timeouts. Exactly-once is what this file checks, not how fast a send is.
  config = testConfig({ orderWebhook: { url: `${endpoint.origin}/orders`, secret: WEBHOOK_SECRET }, timeoutMs: 60_000 });
});

afterAll(() => endpoint.close());

async function inChunks<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

describe('races', () => {
  it('two concurrent approvals: one wins, the other is told who decided; one outbox row, one delivery', async () => {
    const [actionId = ''] = await seedActions(1, 'create_order', () => orderPayload('race'));
    const other = { ...approver, userId: 'other', email: 'other@test.callboard' };
    const results = await Promise.allSettled([
      decideAction(approver, actionId, { decision: 'approve' }, config),
      decideAction(other, actionId, { decision: 'approve' }, config),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = results.find((r) => r.status === 'rejected');
    expect(loser?.status === 'rejected' && loser.reason).toMatchObject({
      status: 409,
      message: expect.stringMatching(/^Already approved by (approver|other)@test\.callboard$/),
    });
    const rows = await outboxRows([actionId]);
    expect(rows).toHaveLength(1);
    await drainUntilSettled([actionId], config);
    expect(endpoint.effects.get(rows[0]?.id ?? '')).toBe(1);
  });

  it.runIf(realServer)(
    `four drainers over ${ACTIONS} approved actions: each sent exactly once`,
    async () => {
      const ids = await seedActions(ACTIONS, 'create_order', (i) => orderPayload(`bulk-${i}`));
      await inChunks(ids, 8, (id) => decideAction(approver, id, { decision: 'approve' }, config));
      const rows = await outboxRows(ids);
      expect(rows).toHaveLength(ACTIONS);

      const reports = await Promise.all([1, 2, 3, 4].map(() => drainOutbox({ actionIds: ids, config, limit: 25 })));
      // Every drainer took part, and together they claimed each row once.
      expect(reports.every((r) => r.claimed > 0)).toBe(true);
      expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBe(ACTIONS);
      expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(ACTIONS);

      const keys = new Set(rows.map((r) => r.id));
      const perKey = new Map<string, number>();
      for (const request of endpoint.requests) if (request.key && keys.has(request.key)) perKey.set(request.key, (perKey.get(request.key) ?? 0) + 1);
      expect(perKey.size).toBe(ACTIONS);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);
      expect((await outboxRows(ids)).every((r) => r.status === 'sent' && r.action_status === 'dispatched' && r.attempts === 1)).toBe(true);
    },
    120_000,
  );
});
