import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lockStatement } from '@/lib/ingest/lock-calls';
import { type AcceptedDelivery, storeBatch } from '@/lib/ingest/store-batch';
import { providerById } from '@/lib/providers/registry';
import { onEmbeddedPostgres } from '@/test/setup/test-database';
import { uid } from '@/test/webhooks';

// The two races a pipelined batch must survive, forced with a third connection that holds a row
// the batches need until they are already waiting for it. Row locks between sessions need a real
// server: the embedded Postgres is a single session behind a multiplexer.
const realServer = !onEmbeddedPostgres(inject('databaseUrl'));

const clients: pg.Client[] = [];
async function connect(pipeline: boolean): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, pipeline });
  await client.connect();
  clients.push(client);
  return client;
}

let observer: pg.Client;
beforeAll(async () => {
  if (realServer) observer = await connect(false);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
});

function delivery(provider: 'mirai', json: object): AcceptedDelivery {
  const body = Buffer.from(JSON.stringify(json));
  const event = providerById(provider)!.normalize(JSON.parse(body.toString('utf8')));
  return { provider, endpoint: `/api/webhooks/${provider}`, receivedAt: new Date(), headers: {}, body, payload: null, verification: 'valid', event };
}

/** Resolves once every given backend is blocked on a lock (no fixed sleep). Ask for the pids
 * before the batches start: a pipelined client answers queries in order. */
async function waitUntilBlocked(pids: number[]): Promise<void> {
  for (;;) {
    const { rows } = await observer.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND wait_event_type = 'Lock'`,
      [pids],
    );
    if (rows[0]?.n === pids.length) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const pidOf = async (c: pg.Client) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

describe.runIf(realServer)('storeBatch under races', () => {
  it('two batches for a call another transaction is creating both end up in one fold that has both events', async () => {
    const callId = uid('race_call');
    const event = (type: string, status: string, at: string) =>
      delivery('mirai', {
        metadata: { order_ref: callId },
        event: { type, data: { call: { id: callId, status, startedAt: '2026-11-01T10:00:00Z', ...(at ? { endedAt: at } : {}) } } },
      });
    const blocker = await connect(false);
    const [a, b] = [await connect(true), await connect(true)];
    const pids = [await pidOf(a), await pidOf(b)];
    await blocker.query('BEGIN');
    await blocker.query(lockStatement([['mirai', callId]]));
    // Both batches queue behind the uncommitted call row; when it commits, neither lock statement
    // saw it in its snapshot, so neither holds the call's row lock.
    const stored = Promise.all([
      storeBatch(a, [event('call.in-progress', 'in-progress', '')]),
      storeBatch(b, [event('call.completed', 'completed', '2026-11-01T10:02:00Z')]),
    ]);
    await waitUntilBlocked(pids);
    await blocker.query('COMMIT');
    const [[first], [second]] = await stored;
    expect([first?.outcome, second?.outcome]).toEqual(['stored', 'stored']);
    const { rows } = await observer.query('SELECT id, status, event_count FROM call WHERE provider = $1 AND provider_call_id = $2', ['mirai', callId]);
    // Folded without the lock, each batch would see only its own event and the last write would win.
    expect(rows).toEqual([{ id: first?.callId, status: 'completed', event_count: 2 }]);
  });

  it('a call-less event another transaction is storing becomes a duplicate of it, counted and linked', async () => {
    const marker = uid('orphan');
    const item = delivery('mirai', { metadata: { marker }, event: { type: 'action', data: { action: 'send_whatsapp', reason: 'missing_address' } } });
    expect(item.event.providerCallId).toBeNull();
    const blocker = await connect(false);
    const client = await connect(true);
    const pid = await pidOf(client);
    await blocker.query('BEGIN');
    const {
      rows: [held],
    } = await blocker.query<{ id: string }>(
      `INSERT INTO call_event (provider, dedupe_key, type, payload, normalized) VALUES ('mirai', $1, 'action', '{}', '{}') RETURNING id`,
      [item.event.dedupeKey],
    );
    const stored = storeBatch(client, [item]);
    await waitUntilBlocked([pid]);
    await blocker.query('COMMIT');
    const [result] = await stored;
    expect(result).toMatchObject({ outcome: 'duplicate', eventId: held?.id, callId: null });
    const { rows: events } = await observer.query('SELECT duplicate_count FROM call_event WHERE id = $1', [held?.id]);
    expect(events).toEqual([{ duplicate_count: 1 }]);
    const { rows: deliveries } = await observer.query('SELECT outcome, event_id FROM delivery WHERE id = $1', [result?.deliveryId]);
    expect(deliveries).toEqual([{ outcome: 'duplicate', event_id: held?.id }]);
  });
});

describe('storeBatch without pipelining', () => {
  it('stores a batch statement by statement on a connection that does not pipeline (INGEST_PIPELINE=false)', async () => {
    const callId = uid('plain_call');
    const client = await connect(false);
    const event = (type: string, status: string) =>
      delivery('mirai', { event: { type, data: { call: { id: callId, status, startedAt: '2026-11-01T10:00:00Z' } } } });
    const stored = await storeBatch(client, [
      event('call.in-progress', 'in-progress'),
      event('call.completed', 'completed'),
      event('call.completed', 'completed'),
    ]);
    expect(stored.map((s) => s.outcome)).toEqual(['stored', 'stored', 'duplicate']);
    const { rows } = await client.query('SELECT status, event_count FROM call WHERE id = $1', [stored[0]?.callId]);
    expect(rows).toEqual([{ status: 'completed', event_count: 2 }]);
  });
});
