import { describe, expect, it } from 'vitest';
import { fixture } from '@/test/fixtures';
import { callRow, deliveriesFor, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Every example payload of the seeds, signed, through the real routes into a real Postgres.
useTestSecrets();

/** The parts of each provider's fixtures these tests edit; the rest is posted as read. */
type Json = Record<string, unknown>;
type MiraiFixture = Json & { metadata?: Json; event: Json & { data: Json & { call?: Json & { id: string } } } };
type MiniVoiceFixture = Json & { event: string; call: Json & { id: string }; data?: Json & { event_key?: string } };
type AtomsFixture = Json & { call_id: string };

/** A Mirai fixture moved onto its own call id (tests share one database). */
function miraiAs(name: string, callId: string, metadata?: Json): MiraiFixture {
  const body = fixture<MiraiFixture>('mirai', name);
  if (body.event.data.call) body.event.data.call.id = callId;
  if (metadata) body.metadata = metadata;
  return body;
}

describe('Mirai v1 seed payloads', () => {
  it('call.completed → end-of-call → lifecycle-ended builds one completed call', async () => {
    const id = uid('c');
    const metadata = { customer_id: '12345', order_ref: uid('ORD') };
    for (const name of ['call-completed.json', 'end-of-call.json', 'lifecycle-ended.json']) {
      expect((await post('mirai', miraiAs(name, id, metadata))).status).toBe(200);
    }
    const call = await callRow('mirai', id);
    expect(call).toMatchObject({
      status: 'completed',
      final: true,
      direction: 'outbound',
      duration_seconds: 150,
      recording_url: 'https://api.voice-agents.com/recordings/...',
      detail_url: 'https://api.voice-agents.com/calls/...',
      summary: 'Customer confirmed the appointment for Tuesday.',
      success: true,
      credits_used: 2.5,
      credits_available: 105,
      event_count: 3,
      metadata,
      analysis: { insights: { sentiment: 'positive', intent: 'booking_confirmed' } },
    });
    expect((call!.started_at as Date).toISOString()).toBe('2023-10-27T10:00:00.000Z');
    const credits = await testDb().query('SELECT used, available FROM credit_entry WHERE call_id = $1', [call?.id]);
    expect(credits.rows).toEqual([{ used: 2.5, available: 105 }]);
    expect(await deliveriesFor(call?.id as string)).toEqual(Array(3).fill({ outcome: 'stored', verification: 'valid', http_status: 200 }));
  });

  it('the v1 examples: end-of-call with required actions and report, create_order with call id', async () => {
    const id = uid('68f0');
    for (const name of ['call-completed-v1.json', 'end-of-call-v1.json', 'action-create-order-v1.json']) {
      const body = miraiAs(name, id);
      if (name.startsWith('action')) body.event.data.call!.id = id;
      expect((await post('mirai', body)).status).toBe(200);
    }
    const call = await callRow('mirai', id);
    expect(call).toMatchObject({
      status: 'completed',
      duration_seconds: 96,
      customer_number: '+919876543210',
      analysis: { requiredActions: ['create_order', 'send_whatsapp'] },
      re_attempt_count: 0,
    });
    const actions = await testDb().query('SELECT kind, raw_kind, reason, status, payload FROM action WHERE call_id = $1', [call?.id]);
    expect(actions.rows).toHaveLength(1);
    expect(actions.rows[0]).toMatchObject({
      kind: 'create_order',
      raw_kind: 'create_order',
      reason: null,
      status: 'pending',
      payload: { cartTotal: 1895, codCharge: 50, discount: { code: 'SAVE10' } },
    });
  });

  it('legacy swagger end-of-call keeps analysis.outcome', async () => {
    const id = uid('call');
    expect((await post('mirai', miraiAs('end-of-call-legacy-swagger.json', id))).status).toBe(200);
    expect(await callRow('mirai', id)).toMatchObject({ status: 'completed', analysis: { outcome: { updatedAddressProvided: true } }, credits_used: 2.5 });
  });

  it('an action without a call id is kept, and linked to the call whose metadata it echoes', async () => {
    const id = uid('c');
    const metadata = { internalOrderId: uid('order') };
    await post('mirai', miraiAs('call-completed.json', id, metadata));
    const order = fixture<MiraiFixture>('mirai', 'action-create-order.json');
    order.metadata = metadata;
    expect((await post('mirai', order)).status).toBe(200);
    const whatsapp = fixture<MiraiFixture>('mirai', 'action-send-whatsapp.json');
    whatsapp.metadata = { nothing: uid('matches') };
    expect((await post('mirai', whatsapp)).status).toBe(200);

    const call = await callRow('mirai', id);
    const linked = await testDb().query('SELECT kind FROM action WHERE call_id = $1', [call?.id]);
    expect(linked.rows).toEqual([{ kind: 'create_order' }]);
    expect(call?.customer_number).toBe('+15550109988');
    const unlinked = await testDb().query(
      `SELECT a.kind, a.reason, a.call_id FROM action a JOIN call_event e ON e.id = a.event_id WHERE e.payload->'metadata' = $1::jsonb`,
      [JSON.stringify(whatsapp.metadata)],
    );
    expect(unlinked.rows).toEqual([{ kind: 'send_whatsapp', reason: 'missing_address', call_id: null }]);
  });

  it('both action spellings become the same kind', async () => {
    const id = uid('c');
    for (const action of ['create-order', 'send-whatsapp']) {
      await post('mirai', { event: { type: 'action', data: { action, call: { id }, payload: { number: '+911234567890' } } } });
    }
    const { rows } = await testDb().query('SELECT kind, raw_kind FROM action WHERE provider_call_id = $1 ORDER BY kind', [id]);
    expect(rows).toEqual([
      { kind: 'create_order', raw_kind: 'create-order' },
      { kind: 'send_whatsapp', raw_kind: 'send-whatsapp' },
    ]);
  });
});

describe('MiniVoice seed payloads', () => {
  it('call.created then call.completed', async () => {
    const id = uid('call');
    for (const name of ['call-created.json', 'call-completed.json']) {
      const body = fixture<MiniVoiceFixture>('minivoice', name);
      body.call.id = id;
      if (body.data?.event_key) body.data.event_key = `${id}:${body.event}`;
      expect((await post('minivoice', body)).status).toBe(200);
    }
    expect(await callRow('minivoice', id)).toMatchObject({
      status: 'completed',
      application_id: 'app_123',
      from_number: '+15551230001',
      to_number: '+15551230002',
      duration_seconds: 600,
      event_count: 2,
    });
  });
});

describe('Atoms seed payloads', () => {
  it('call.start, call.end and analytics.completed', async () => {
    const id = uid('call');
    for (const name of ['call-start.json', 'call-end.json', 'analytics-completed.json']) {
      const body = fixture<AtomsFixture>('atoms', name);
      body.call_id = id;
      expect((await post('atoms', body)).status).toBe(200);
    }
    const call = await callRow('atoms', id);
    expect(call).toMatchObject({
      status: 'completed',
      direction: 'inbound',
      customer_number: '+15551234567',
      agent_id: 'agent_abc123',
      duration_seconds: 300,
      disposition: 'successful',
      variables: { customer_name: 'Jane Smith', issue_type: 'billing' },
      analysis: { metrics: { satisfaction_score: 4, product_discussed: 'Widget Pro' } },
    });
    expect(call?.transcript).toEqual([
      { role: 'agent', text: 'Hello! How can I help?', at: null },
      { role: 'customer', text: 'I have a question...', at: null },
    ]);
  });
});
