import { describe, expect, it } from 'vitest';
import { POST as miraiPost } from '@/app/api/webhooks/mirai/route';
import { signMirai } from '@/lib/providers/mirai/simulate';
import { fixture } from '@/test/fixtures';
import { callRow, post, TEST_SECRETS, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Issue 13: a verified delivery that matches its provider's schema is always stored and folded.
// Values Postgres cannot hold (NUL, unpaired surrogates, dates outside 0001–9999, integers past
// the int column, nesting too deep to hash) are made storable, each change named in a warning on
// the delivery and the event; the raw bytes are kept exactly.

useTestSecrets();

type Warning = { field: string; change: string };

async function storedDelivery(marker: string) {
  const { rows } = await testDb().query<{
    outcome: string;
    http_status: number;
    warnings: Warning[] | null;
    body: Buffer;
    event_id: string | null;
    call_id: string | null;
    event_type: string | null;
    error_code: string | null;
  }>(`SELECT outcome, http_status, warnings, body, event_id, call_id, event_type, error_code FROM delivery WHERE position($1::bytea in body) > 0`, [
    Buffer.from(marker),
  ]);
  return rows;
}

async function eventOf(id: string) {
  const { rows } = await testDb().query<{ normalized: { warnings?: Warning[] }; payload: unknown; call_id: string | null }>(
    'SELECT normalized, payload, call_id FROM call_event WHERE id = $1',
    [id],
  );
  return rows[0];
}

const endOfCall = (id: string, data: Record<string, unknown> = {}, metadata: Record<string, unknown> = { ref: id }) => ({
  metadata,
  event: { type: 'end-of-call', data: { call: { id, status: 'completed' }, analysis: { success: true, summary: 'ok' }, ...data } },
});

/** Posts, then checks the delivery is stored, folded into its call and carries these warnings. */
async function expectStored(res: { status: number }, marker: string, fields: string[]) {
  expect(res.status).toBe(200);
  const [delivery] = await storedDelivery(marker);
  expect(delivery).toMatchObject({ outcome: 'stored', http_status: 200 });
  expect(delivery!.call_id).not.toBeNull();
  expect((delivery!.warnings ?? []).map((w) => w.field).sort()).toEqual([...fields].sort());
  const event = await eventOf(delivery!.event_id!);
  expect(event!.call_id).toBe(delivery!.call_id);
  expect((event!.normalized.warnings ?? []).map((w) => w.field).sort()).toEqual([...fields].sort());
  return { delivery: delivery!, event: event! };
}

describe('text Postgres cannot hold', () => {
  it('NUL in a summary is removed, the call folded, the raw bytes kept', async () => {
    const id = uid('nul');
    const body = JSON.stringify(endOfCall(id, { analysis: { success: true, summary: 'Confirmed\u0000 COD' } }));
    const res = await post('mirai', body);
    const { delivery } = await expectStored(res, id, ['event.data.analysis.summary']);
    expect(delivery.body.toString('utf8')).toBe(body);
    expect((await callRow('mirai', id))?.summary).toBe('Confirmed COD');
  });

  it('an unpaired surrogate (an emoji cut in half) becomes U+FFFD in values and keys', async () => {
    const id = uid('sur');
    const body = endOfCall(id, { analysis: { success: true, summary: 'Great call \ud83d' } }, { ref: id, 'note\udc00': 'x\ud800y' });
    const res = await post('mirai', body);
    await expectStored(res, id, ['event.data.analysis.summary', 'metadata.note\ufffd', 'metadata.note\ufffd']);
    const call = await callRow('mirai', id);
    expect(call?.summary).toBe('Great call \ufffd');
    expect(call?.metadata).toEqual({ ref: id, 'note\ufffd': 'x\ufffdy' });
  });

  it('NUL and surrogates in a transcript turn (Mirai v2)', async () => {
    const id = uid('v2');
    const res = await post('mirai-v2', {
      id: `evt_${id}`,
      type: 'call.processed',
      created_at: '2026-07-26T09:17:00Z',
      data: {
        call: { id, status: 'completed' },
        transcript: {
          status: 'ready',
          turns: [
            { role: 'agent', text: 'Hi\u0000', start_ms: 0 },
            { role: 'user', text: '\udfff', start_ms: 900 },
          ],
        },
      },
    });
    await expectStored(res, id, ['data.transcript.turns.0.text', 'data.transcript.turns.1.text']);
    const call = await callRow('mirai-v2', id);
    expect((call!.transcript as { text: string }[]).map((t) => t.text)).toEqual(['Hi', '\ufffd']);
  });

  it('NUL in the call id and the event type (MiniVoice)', async () => {
    const id = uid('mv');
    const res = await post('minivoice', {
      event: 'call.comp\u0000leted',
      created_at: '2026-05-29T12:10:00Z',
      call: { id: `${id}\u0000`, status: 'completed', direction: 'inbound', from: '+15551230001', to: '+15551230002' },
      data: { event_key: `${id}:k\u0000` },
    });
    await expectStored(res, id, ['event', 'call.id', 'data.event_key']);
    expect((await callRow('minivoice', id))?.status).toBe('completed');
  });

  it('a call id that was only a NUL names no call: the event is stored call-less, not under an empty id', async () => {
    const marker = uid('onlynul');
    const body = { ...fixture<{ metadata: Record<string, unknown> }>('atoms', 'pre-conversation.json'), id: marker };
    body.metadata = { ...body.metadata, callId: '\u0000' };
    const res = await post('atoms', body);
    expect(res.status).toBe(200);
    const [delivery] = await storedDelivery(marker);
    expect(delivery).toMatchObject({ outcome: 'stored', call_id: null });
    const { rows } = await testDb().query('SELECT provider_call_id, call_id FROM call_event WHERE id = $1', [delivery!.event_id]);
    expect(rows).toEqual([{ provider_call_id: null, call_id: null }]);
  });

  it('a refused delivery whose event type holds NUL is still recorded, with its reason', async () => {
    const id = uid('bad');
    const res = await post('mirai', { metadata: { ref: id }, event: { type: 'call.\u0000x', data: { call: 'not an object' } } });
    expect(res.status).toBe(200); // an unknown type is stored, never refused
    const broken = await post('mirai', { metadata: { ref: `${id}b` }, event: { type: 'call.completed\u0000', data: { call: { id: 5 } } } });
    expect(broken.status).toBe(400);
    const [row] = await storedDelivery(`${id}b`);
    expect(row).toMatchObject({ outcome: 'rejected', http_status: 400, error_code: 'invalid_payload' });
  });
});

describe('values outside a column', () => {
  it.each([
    ['year 0', '0000-01-01T00:00:00Z'],
    ['past year 9999', '+275760-09-13T00:00:00Z'],
    ['before year 1', '-000001-01-01T00:00:00Z'],
  ])('a date %s is dropped from the facts with a warning', async (_label, at) => {
    const id = uid('date');
    const res = await post('mirai', endOfCall(id, { call: { id, status: 'completed', startedAt: at, endedAt: '2026-07-26T09:16:38Z' } }));
    await expectStored(res, id, ['facts.startedAt']);
    const call = await callRow('mirai', id);
    expect(call?.started_at).toBeNull();
    expect((call!.ended_at as Date).toISOString()).toBe('2026-07-26T09:16:38.000Z');
  });

  it('an event time outside 0001–9999 (MiniVoice created_at) is dropped; the event is kept', async () => {
    const id = uid('mvdate');
    const res = await post('minivoice', {
      event: 'call.completed',
      created_at: '0000-06-01T00:00:00Z',
      call: { id, status: 'completed', direction: 'outbound', from: '+1', to: '+2' },
      data: { event_key: `${id}:call.completed` },
    });
    await expectStored(res, id, ['occurredAt', 'facts.endedAt']);
  });

  it.each([2147483648, 2147483647])('a dial count past any real one (reAttemptCount %i; the fold adds 1) is dropped', async (count) => {
    const id = uid('int');
    const res = await post('mirai', {
      metadata: { ref: id },
      event: { type: 'call.lifecycle-ended', data: { call: { id }, report: { reAttemptCount: count, rescheduledCount: 1, finalStatus: 'completed' } } },
    });
    await expectStored(res, id, ['facts.reAttemptCount']);
    const call = await callRow('mirai', id);
    expect(call).toMatchObject({ re_attempt_count: null, rescheduled_count: 1, final: true });
  });

  it('credits of 1e308 are dropped (they would overflow every analytics sum); the call is kept', async () => {
    const id = uid('huge');
    const res = await post('mirai', endOfCall(id, { credits: { used: 1e308, available: 1 } }));
    await expectStored(res, id, ['facts.creditsUsed', 'credits']);
    expect(await callRow('mirai', id)).toMatchObject({ credits_used: null, credits_available: 1, success: true });
    const { rows } = await testDb().query('SELECT count(*)::int AS n FROM credit_entry e JOIN call c ON c.id = e.call_id WHERE c.provider_call_id = $1', [id]);
    expect(rows[0].n).toBe(0);
  });

  it('metadata nested 10,000 levels deep is cut, hashed and stored', async () => {
    const id = uid('deep');
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const body = `{"metadata":{"ref":"${id}","deep":${deep}},"event":{"type":"end-of-call","data":{"call":{"id":"${id}","status":"completed"}}}}`;
    const res = await post('mirai', body);
    const { delivery } = await expectStored(res, id, [`metadata.deep${'.a'.repeat(62)}`]);
    expect(delivery.body.toString('utf8')).toBe(body);
    // The same bytes again are the same event: the hash of a cut body is stable.
    expect((await post('mirai', body)).json).toEqual({ ok: true, duplicate: true });
  });

  it('a duplicated key whose first copy holds a lone surrogate (JSON.parse keeps the second) is stored', async () => {
    const id = uid('dupkey');
    const body = `{"event":"call.start","timestamp":"\\udfff","timestamp":"2026-07-01T10:00:00Z","agent_id":"a\\u0000","agent_id":"agent_1","call_id":"${id}"}`;
    const res = await post('atoms', body);
    const { delivery, event } = await expectStored(res, id, []);
    expect(delivery.body.toString('utf8')).toBe(body);
    expect(event.payload).toMatchObject({ timestamp: '2026-07-01T10:00:00Z', agent_id: 'agent_1' });
  });

  it("a duplicated key whose first copy nests 100,000 levels (past Postgres' stack) is stored", async () => {
    const id = uid('dupdeep');
    const body = `{"metadata":{"ref":${'['.repeat(100_000)}${']'.repeat(100_000)},"ref":"${id}"},"event":{"type":"end-of-call","data":{"call":{"id":"${id}","status":"completed"}}}}`;
    const res = await post('mirai', body);
    const { event } = await expectStored(res, id, []);
    expect(event.payload).toMatchObject({ metadata: { ref: id } });
  });

  it('body bytes that are not UTF-8 (a raw lone surrogate) are stored with a warning and kept exactly', async () => {
    const id = uid('raw');
    const head = Buffer.from(
      `{"metadata":{"ref":"${id}"},"event":{"type":"end-of-call","data":{"call":{"id":"${id}","status":"completed"},"analysis":{"summary":"x`,
    );
    const bytes = Buffer.concat([head, Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}}}}')]);
    const signature = signMirai(bytes as unknown as string, TEST_SECRETS.mirai);
    const res = await miraiPost(
      new Request('http://localhost/api/webhooks/mirai', { method: 'POST', headers: { 'content-type': 'application/json', ...signature }, body: bytes }),
    );
    const { delivery } = await expectStored(res, id, ['(body)']);
    expect(delivery.body.equals(bytes)).toBe(true);
  });
});

describe('numbers sent as strings: one rule for every provider', () => {
  it('Mirai v1 reads "96" and "1.5" as numbers, as Atoms does', async () => {
    const id = uid('str');
    const res = await post('mirai', endOfCall(id, { call: { id, status: 'completed', durationSeconds: '96' }, credits: { used: '1.5', available: '98.5' } }));
    expect(res.status).toBe(200);
    expect(await callRow('mirai', id)).toMatchObject({ duration_seconds: 96, credits_used: 1.5, credits_available: 98.5 });
  });

  it('a word where a number goes breaks the schema: 400 naming the field, recorded', async () => {
    const id = uid('word');
    const res = await post('mirai', endOfCall(id, { call: { id, status: 'completed', durationSeconds: 'ninety' } }));
    expect(res.status).toBe(400);
    expect(String((res.json.error as { message: string }).message)).toContain('durationSeconds');
    expect(await storedDelivery(id)).toMatchObject([{ outcome: 'rejected', error_code: 'invalid_payload' }]);
  });

  it('a call id longer than 255 characters is refused (400), not a 500 from the unique index', async () => {
    const id = `${uid('long')}${'x'.repeat(3000)}`;
    const res = await post('mirai', endOfCall(id));
    expect(res.status).toBe(400);
    expect(await storedDelivery(id.slice(0, 20))).toMatchObject([{ outcome: 'rejected', error_code: 'invalid_payload' }]);
  });

  it('a customer number too long for its index is cut with a warning', async () => {
    const id = uid('phone');
    const res = await post('minivoice', {
      event: 'call.completed',
      created_at: '2026-05-29T12:10:00Z',
      call: { id, status: 'completed', direction: 'outbound', from: '+1', to: `+91${'7'.repeat(5000)}` },
      data: { event_key: `${id}:call.completed` },
    });
    await expectStored(res, id, ['facts.customerNumber', 'facts.toNumber']);
  });
});

describe('the warnings are shown where a person looks', () => {
  it('the deliveries API and the call timeline name each changed field', async () => {
    const { GET: listDeliveries } = await import('@/app/api/deliveries/route');
    const { getCallDetail } = await import('@/lib/queries/calls/detail');
    const { makeToken, makeUser } = await import('@/test/auth');
    const id = uid('shown');
    expect((await post('mirai', endOfCall(id, { analysis: { success: true, summary: 'cut \ud83d' } }))).status).toBe(200);
    const token = await makeToken('viewer');
    const res = await listDeliveries(new Request(`http://localhost/api/deliveries?q=${id}`, { headers: { authorization: `Bearer ${token}` } }));
    const { deliveries } = (await res.json()) as { deliveries: { warnings: Warning[] }[] };
    expect(deliveries[0]?.warnings).toEqual([{ field: 'event.data.analysis.summary', change: 'unpaired surrogates replaced by U+FFFD' }]);
    const user = await makeUser('viewer');
    const call = await callRow('mirai', id);
    const detail = await getCallDetail({ userId: user.id, email: user.email, role: 'viewer', via: 'session' }, String(call!.id));
    expect(detail?.events[0]?.warnings).toEqual([{ field: 'event.data.analysis.summary', change: 'unpaired surrogates replaced by U+FFFD' }]);
  });
});
