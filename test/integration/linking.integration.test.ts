import { describe, expect, it } from 'vitest';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Which call an event ends up on, whatever the order it arrives in.

useTestSecrets();

const miniVoice = (callId: string, eventKey: string) => ({
  event: 'call.created',
  created_at: '2026-05-29T12:00:00Z',
  call: { id: callId, status: 'in_progress', direction: 'outbound', from: '+15551230001', to: '+15551230002' },
  variables: {},
  data: { event_key: eventKey },
});

const miraiV2 = (eventId: string, callId: string) => ({
  id: eventId,
  type: 'call.failed',
  created_at: '2026-07-26T09:15:44Z',
  data: { call: { id: callId, object: 'call', agent_id: 'agt_1', to: '+919876543211', status: 'no_answer', ended_at: '2026-07-26T09:15:44Z' } },
});

async function eventCount(provider: string, providerCallId: string) {
  const { rows } = await testDb().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM call_event e JOIN call c ON c.id = e.call_id WHERE c.provider = $1 AND c.provider_call_id = $2',
    [provider, providerCallId],
  );
  return rows[0]?.n ?? 0;
}

describe('an event key reused under another call id leaves no empty call', () => {
  it('MiniVoice: the key names its call, so the second call keeps its own event', async () => {
    const [a, b] = [uid('mva'), uid('mvb')];
    expect((await post('minivoice', miniVoice(a, `${a}:call.created`))).json).toEqual({ ok: true });
    expect((await post('minivoice', miniVoice(b, `${a}:call.created`))).json).toEqual({ ok: true });
    expect(await eventCount('minivoice', a)).toBe(1);
    expect(await eventCount('minivoice', b)).toBe(1);
    expect(await callRow('minivoice', b)).toMatchObject({ status: 'in_progress', event_count: 1 });
  });

  it('Mirai v2: an event id seen before is a duplicate of that event, and no call is made for the other id', async () => {
    const [evt, a, b] = [uid('evt'), uid('v2a'), uid('v2b')];
    await post('mirai-v2', miraiV2(evt, a));
    expect((await post('mirai-v2', miraiV2(evt, b))).json).toEqual({ ok: true, duplicate: true });
    expect(await callRow('mirai-v2', b)).toBeUndefined();
    const { rows } = await testDb().query(
      `SELECT d.outcome, c.provider_call_id FROM delivery d JOIN call c ON c.id = d.call_id
       WHERE d.provider = 'mirai-v2' AND d.event_id = (SELECT id FROM call_event WHERE provider = 'mirai-v2' AND dedupe_key = $1) ORDER BY d.received_at`,
      [evt],
    );
    expect(rows).toEqual([
      { outcome: 'stored', provider_call_id: a },
      { outcome: 'duplicate', provider_call_id: a },
    ]);
  });
});

const mirai = (type: string, data: Record<string, unknown>, metadata: Record<string, unknown>) => ({ metadata, event: { type, data } });
const action = (ref: string) => mirai('action', { action: 'create_order', payload: { phone: '+919876543210', sku: 'x' } }, { ref });

describe('a call-less Mirai action joins the call whose metadata it echoes, whatever the order', () => {
  it('action first, then the call: the action, its event and its delivery move to the call', async () => {
    const [id, ref] = [uid('late'), uid('ref')];
    await post('mirai', action(ref));
    await post('mirai', mirai('call.initiate', { call: { id, status: 'initiate' } }, { ref, order: '1' }));
    const call = await callRow('mirai', id);
    expect(call).toMatchObject({ event_count: 2, customer_number: '+919876543210' });
    const { rows } = await testDb().query(
      `SELECT e.call_id AS event_call, e.provider_call_id AS event_pcid, a.call_id AS action_call, a.provider_call_id AS action_pcid, d.call_id AS delivery_call
       FROM call_event e JOIN action a ON a.event_id = e.id JOIN delivery d ON d.event_id = e.id
       WHERE e.provider = 'mirai' AND e.normalized->'linkMetadata'->>'ref' = $1 AND e.type = 'action'`,
      [ref],
    );
    expect(rows).toEqual([{ event_call: call?.id, event_pcid: id, action_call: call?.id, action_pcid: id, delivery_call: call?.id }]);
  });

  it('the same story in the other order gives the same call row', async () => {
    const [first, second, ref1, ref2] = [uid('af'), uid('cf'), uid('r1'), uid('r2')];
    const initiate = (id: string, ref: string) => mirai('call.initiate', { call: { id, status: 'initiate' } }, { ref });
    await post('mirai', action(ref1));
    await post('mirai', initiate(first, ref1));
    await post('mirai', initiate(second, ref2));
    await post('mirai', action(ref2));
    const cols = (row: Record<string, unknown> | undefined) => ({ event_count: row?.event_count, customer_number: row?.customer_number, status: row?.status });
    expect(cols(await callRow('mirai', first))).toEqual(cols(await callRow('mirai', second)));
  });

  it('an action whose metadata no call holds stays call-less', async () => {
    const ref = uid('none');
    await post('mirai', action(ref));
    await post('mirai', mirai('call.initiate', { call: { id: uid('other'), status: 'initiate' } }, { ref: uid('else') }));
    const { rows } = await testDb().query(`SELECT call_id FROM call_event WHERE provider = 'mirai' AND normalized->'linkMetadata'->>'ref' = $1`, [ref]);
    expect(rows).toEqual([{ call_id: null }]);
  });
});
