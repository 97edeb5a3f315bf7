import { describe, expect, it, vi } from 'vitest';
import { fixture } from '@/test/fixtures';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Today's dialects, signed, through the real routes: each lands as the same canonical call.
useTestSecrets();

/** The parts of a fixture these tests edit; the rest is posted as read. */
type Json = Record<string, unknown>;
type MiraiV2Fixture = Json & { id: string; type: string; created_at: string; data: { call?: Json & { id: string; status: string } } };
type AtomsFixture = Json & { id: string; metadata: Json & { callId: string } };

/** A Mirai v2 fixture moved onto its own call and event ids (tests share one database). */
function v2(name: string, callId: string, eventId = uid('evt')): MiraiV2Fixture {
  const body = fixture<MiraiV2Fixture>('mirai-v2', name);
  body.id = eventId;
  if (body.data.call) body.data.call.id = callId;
  return body;
}

describe('Mirai v2 at /api/webhooks/mirai-v2', () => {
  it('started, completed and processed make one completed call with its transcript and cost', async () => {
    const id = uid('call');
    const started = v2('call-completed.json', id);
    started.type = 'call.started';
    started.created_at = '2026-07-26T09:15:02Z';
    started.data.call!.status = 'in_progress';
    const processed = v2('call-processed.json', id);
    for (const body of [started, v2('call-completed.json', id), processed]) expect((await post('mirai-v2', body)).status).toBe(200);
    const call = await callRow('mirai-v2', id);
    expect(call).toMatchObject({
      status: 'completed',
      final: true,
      duration_seconds: 570,
      customer_number: '+919876543210',
      end_reason: 'time-limit-close',
      analysis: { cost: { amount: 28.5, currency: 'INR' } },
    });
    expect((call!.transcript as unknown[]).length).toBe(2);
  });

  it('a retried call.started arriving after call.completed does not reopen the call; a retry of the same id is a duplicate', async () => {
    const id = uid('call');
    const completed = v2('call-completed.json', id);
    const started = v2('call-completed.json', id);
    started.type = 'call.started';
    started.data.call!.status = 'in_progress';
    await post('mirai-v2', completed);
    await post('mirai-v2', started);
    expect((await post('mirai-v2', completed)).json).toEqual({ ok: true, duplicate: true });
    expect(await callRow('mirai-v2', id)).toMatchObject({ status: 'completed', event_count: 2 });
  });

  it('failed, voicemail and aborted calls', async () => {
    for (const [name, status] of [
      ['call-failed.json', 'no_answer'],
      ['call-voicemail.json', 'voicemail'],
      ['call-aborted.json', 'canceled'],
    ] as const) {
      const id = uid('call');
      await post('mirai-v2', v2(name, id));
      expect(await callRow('mirai-v2', id)).toMatchObject({ status, final: true });
    }
  });

  it('campaign events are stored with their campaign, not as calls', async () => {
    const eventId = uid('evt');
    expect((await post('mirai-v2', v2('campaign-paused.json', 'unused', eventId))).status).toBe(200);
    const { rows } = await testDb().query(
      `SELECT call_id, normalized->'campaign'->>'id' AS campaign FROM call_event WHERE provider = 'mirai-v2' AND dedupe_key = $1`,
      [eventId],
    );
    expect(rows).toEqual([{ call_id: null, campaign: 'cmp_01K7QAC5N9P4R7S3T6V8W2X4YB' }]);
  });

  it('refuses a v1-style signature and a stale one', async () => {
    const body = v2('call-completed.json', uid('call'));
    expect((await post('mirai-v2', body, { secret: null, headers: { 'x-signature': 'abc' } })).status).toBe(401);
    const stale = await post('mirai-v2', body, { now: new Date(Date.now() - 301_000) });
    expect(stale).toMatchObject({ status: 401, json: { error: { code: 'signature_stale' } } });
  });
});

describe('Atoms current format at /api/webhooks/atoms', () => {
  it('pre-, post-conversation and analytics make one call; the seed format keeps working beside it', async () => {
    const id = uid('CALL');
    for (const name of ['pre-conversation.json', 'post-conversation.json', 'analytics-completed-canonical.json']) {
      const body = fixture<AtomsFixture>('atoms', name);
      body.metadata.callId = id;
      body.id = uid('dlv');
      expect((await post('atoms', body)).status).toBe(200);
    }
    const call = await callRow('atoms', id);
    expect(call).toMatchObject({
      status: 'completed',
      direction: 'outbound',
      customer_number: '+916296641821',
      agent_id: '69fc7dd072a0c1d28d948ace',
      recording_url: expect.stringContaining('composite.wav'),
      variables: { customer_name: 'Rahul Sharma', due_amount: '29000' },
      summary: expect.stringContaining('overdue EMI'),
      analysis: { metrics: { turn_taking_balance: 2, escalation_needed: false } },
    });
    expect(call?.duration_seconds).toBeCloseTo(49.35, 2);
    expect((call!.transcript as unknown[]).length).toBe(2);
  });

  it('a delivery that fails to process is still stored whole and answered 202 (Atoms never retries)', async () => {
    vi.resetModules();
    vi.doMock('@/lib/ingest/ingest', () => ({
      ingest: async () => {
        throw new Error('injected pipeline failure');
      },
    }));
    const { POST } = await import('@/app/api/webhooks/atoms/route');
    const { signAtoms } = await import('@/lib/providers/atoms/simulate');
    const id = uid('CALL');
    const body = fixture<AtomsFixture>('atoms', 'post-conversation.json');
    body.metadata.callId = id;
    const text = JSON.stringify(body);
    const res = await POST(
      new Request('http://localhost/api/webhooks/atoms', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signAtoms(text, 'integration_atoms_secret') },
        body: text,
      }),
    );
    expect(res.status).toBe(202);
    const { rows } = await testDb().query(
      `SELECT outcome, error_code, body_truncated, convert_from(body, 'UTF8') AS body FROM delivery WHERE position($1::bytea in body) > 0`,
      [Buffer.from(id)],
    );
    expect(rows).toMatchObject([{ outcome: 'failed', error_code: 'processing_failed', body_truncated: false, body: text }]);
    vi.doUnmock('@/lib/ingest/ingest');
  });
});

describe('MiniVoice events beyond the seed', () => {
  it('answered, gathered digits, recording completed, then completed', async () => {
    const id = uid('call');
    const base = { call: { id, status: 'in_progress', direction: 'inbound', from: '+15551230001', to: '+15551230002' }, variables: {} };
    const events = [
      { event: 'call.created', created_at: '2026-05-29T12:00:00Z', ...base, data: { event_key: `${id}:call.created` } },
      { event: 'call.answered', created_at: '2026-05-29T12:00:05Z', ...base, data: { event_key: `${id}:call.answered` } },
      {
        event: 'call.gathered',
        created_at: '2026-05-29T12:01:00Z',
        ...base,
        data: { digits: '1', status: 'completed', timed_out: false, event_key: `${id}:call.gathered` },
      },
      {
        event: 'recording.completed',
        created_at: '2026-05-29T12:09:00Z',
        ...base,
        data: { file_url: 'https://rec.example/rec_1.wav', event_key: `${id}:recording.completed` },
      },
      { event: 'call.completed', created_at: '2026-05-29T12:10:00Z', ...base, data: {} },
    ];
    for (const e of events) expect((await post('minivoice', e)).status).toBe(200);
    expect(await callRow('minivoice', id)).toMatchObject({
      status: 'completed',
      variables: { gathered_digits: '1' },
      recording_url: 'https://rec.example/rec_1.wav',
      customer_number: '+15551230001',
      event_count: 5,
    });
    const known = await testDb().query(`SELECT bool_and(known) AS all_known FROM call_event WHERE provider = 'minivoice' AND provider_call_id = $1`, [id]);
    expect(known.rows[0].all_known).toBe(true);
  });

  it('a failed call keeps its reason', async () => {
    const id = uid('call');
    await post('minivoice', {
      event: 'call.failed',
      created_at: '2026-05-29T12:00:30Z',
      call: { id, status: 'failed', direction: 'outbound', from: '+1', to: '+15551230009' },
      data: { reason: 'no_answer' },
    });
    expect(await callRow('minivoice', id)).toMatchObject({ status: 'failed', end_reason: 'no_answer' });
  });
});

describe('Mirai v1 extra action kinds', () => {
  it('mark_prepaid, update_address and confirmed_address become pending actions', async () => {
    const id = uid('c');
    for (const action of ['mark_prepaid', 'update-address', 'confirmed_address']) {
      await post('mirai', { event: { type: 'action', data: { action, call: { id }, payload: { note: action } } } });
    }
    const { rows } = await testDb().query('SELECT kind FROM action WHERE provider_call_id = $1 ORDER BY kind', [id]);
    expect(rows.map((r) => r.kind)).toEqual(['confirmed_address', 'mark_prepaid', 'update_address']);
  });
});
