import { afterAll, describe, expect, inject, it } from 'vitest';
import { closePools } from '@/lib/db';
import { reprocess } from '@/lib/ingest/reprocess';
import type { ReprocessResult } from '@/lib/ingest/reprocess-result';
import { applyMigrations } from '@/prisma/migrate';
import { generateCalls, withDuplicates } from '@/simulator/lifecycles';
import { fixture } from '@/test/fixtures';
import { rows, snapshot } from '@/test/reprocess';
import { createIsolatedDatabase } from '@/test/setup/test-database';
import { post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// The README promises a second reprocess run changes nothing. Every kind of traffic that makes
// reprocessing decide something (duplicates, call-less actions before and after their call,
// refusals that parse now, an event id reused under another call) goes in, then two runs.
// Its own database: a run covers every delivery in it.
const own = await createIsolatedDatabase('callboard_rpc_', inject('databaseUrl'));
await applyMigrations(own.url);
process.env.DATABASE_URL = own.url;
useTestSecrets();

afterAll(async () => {
  await closePools();
  await testDb().end();
  await own.dispose();
});

async function run(chunkSize: number): Promise<ReprocessResult> {
  const client = await testDb().connect();
  try {
    return await reprocess(client, { kind: 'all' }, { actor: { id: null, email: 'test' }, chunkSize });
  } finally {
    client.release();
  }
}

const mirai = (type: string, data: Record<string, unknown>, metadata: Record<string, unknown>) => ({ metadata, event: { type, data } });
const order = (ref: string) => ({ ...fixture('mirai', 'action-create-order.json'), metadata: { ref } });
const v2 = (eventId: string, callId: string) => ({
  id: eventId,
  type: 'call.failed',
  created_at: '2026-07-26T09:15:44Z',
  data: { call: { id: callId, object: 'call', agent_id: 'agt_1', to: '+919876543211', status: 'no_answer', ended_at: '2026-07-26T09:15:44Z' } },
});
const mv = (callId: string, eventKey: string) => ({
  event: 'call.created',
  created_at: '2026-05-29T12:00:00Z',
  variables: {},
  data: { event_key: eventKey },
  call: { id: callId, status: 'in_progress', direction: 'outbound', from: '+15551230001', to: '+15551230002' },
});

async function seed(): Promise<string> {
  for (const call of withDuplicates(generateCalls({ count: 10, seed: 7707, now: new Date() }), 0.3, 7707)) {
    for (const event of call.events) expect((await post(call.provider, event)).status).toBe(200);
  }
  // Call-less actions: after their call, before it, and one no call ever matches.
  const [after, before, never] = [uid('after'), uid('before'), uid('never')];
  await post('mirai', mirai('call.initiate', { call: { id: uid('ca'), status: 'initiate' } }, { ref: after }));
  await post('mirai', order(after));
  await post('mirai', order(before));
  const cb = uid('cb');
  await post('mirai', mirai('call.initiate', { call: { id: cb, status: 'initiate' } }, { ref: before }));
  await post('mirai', order(never));
  // As an older version left it: the action that came first never joined its call.
  await testDb().query(
    `WITH e AS (UPDATE call_event SET call_id = NULL, provider_call_id = NULL WHERE provider = 'mirai' AND type = 'action'
       AND normalized->'linkMetadata'->>'ref' = $1 RETURNING id),
     a AS (UPDATE action SET call_id = NULL, provider_call_id = NULL WHERE event_id IN (SELECT id FROM e))
     UPDATE delivery SET call_id = NULL WHERE event_id IN (SELECT id FROM e)`,
    [before],
  );
  // An event id reused under another call id, and a MiniVoice key that names another call.
  const evt = uid('evt');
  await post('mirai-v2', v2(evt, uid('v2a')));
  await post('mirai-v2', v2(evt, uid('v2b')));
  const mvA = uid('mva');
  await post('minivoice', mv(mvA, `${mvA}:call.created`));
  await post('minivoice', mv(uid('mvb'), `${mvA}:call.created`));
  // Refused by an older parser, valid now: one of a new call, one a copy of a stored event.
  const start = {
    event: 'call.start',
    timestamp: '2026-07-01T10:00:00Z',
    agent_id: 'agent_1',
    call_id: uid('atoms'),
    call_direction: 'inbound',
    caller_phone: '+15551230001',
  };
  const refused = (body: object) =>
    rows(
      `INSERT INTO delivery (provider, endpoint, received_at, body, body_size, verification, outcome, http_status, error_code, error_message)
          VALUES ('atoms', '/api/webhooks/atoms', now() - interval '1 minute', convert_to($1, 'UTF8'), octet_length($1), 'valid', 'rejected', 400, 'invalid_payload', 'old parser said no')`,
      [JSON.stringify(body)],
    );
  await refused(start);
  const copy = { ...start, call_id: uid('atoms2') };
  await post('atoms', copy);
  await refused(copy);
  // Values the database cannot hold: stored with warnings now; one kept as `failed` by a version
  // that could not store it.
  const nul = { event: 'call.start', timestamp: '2026-07-01T10:00:00Z', agent_id: 'agent\u0000x', call_id: uid('nul'), caller_phone: '+1555\ud800' };
  await post('atoms', { ...nul, call_id: uid('nul2'), timestamp: '0000-01-01T00:00:00Z' });
  await refused(nul);
  return cb;
}

const zero = {
  deliveries: { changed: 0, failed: 0 },
  events: { inserted: 0, updated: 0, deleted: 0, kept: 0 },
  calls: { created: 0, updated: 0, removed: 0 },
  actions: { created: 0, updated: 0, removed: 0 },
  credits: { created: 0, updated: 0, removed: 0 },
};

describe('reprocess converges', () => {
  it('a second run over varied traffic counts nothing and writes nothing', async () => {
    const cb = await seed();
    const first = await run(7);
    expect(first.problems).toEqual([]);
    // Reprocess joins a waiting action to its call as ingest now would.
    expect(
      await rows(
        `SELECT e.provider_call_id, a.provider_call_id AS action_call FROM call_event e JOIN action a ON a.event_id = e.id
      JOIN call c ON c.id = e.call_id WHERE c.provider_call_id = $1`,
        [cb],
      ),
    ).toEqual([{ provider_call_id: cb, action_call: cb }]);
    // The delivery an older version could not store now carries what storing it changed.
    expect(
      await rows(`SELECT outcome, warnings FROM delivery WHERE error_message = 'old parser said no' AND position('agent' in convert_from(body, 'UTF8')) > 0
      AND warnings IS NOT NULL`),
    ).toEqual([
      {
        outcome: 'stored',
        warnings: [
          { field: 'agent_id', change: 'NUL characters removed' },
          { field: 'caller_phone', change: 'unpaired surrogates replaced by U+FFFD' },
        ],
      },
    ]);
    const between = await snapshot();
    expect(await rows(`SELECT id FROM call c WHERE NOT EXISTS (SELECT 1 FROM call_event e WHERE e.call_id = c.id)`)).toEqual([]);
    const second = await run(7);
    expect(second).toMatchObject(zero);
    expect(await snapshot()).toEqual(between);
  });
});
