import { describe, expect, it } from 'vitest';
import { signMiniVoice } from '@/lib/providers/minivoice/simulate';
import { callRow, post, rejectedDelivery, TEST_SECRETS, testDb, uid, useTestSecrets } from '@/test/webhooks';

useTestSecrets();

const miraiEvent = (id: string, type: string, data: Record<string, unknown> = {}, metadata: Record<string, unknown> = { ref: id }) => ({
  metadata,
  event: { type, data: { call: { id, status: type.replace('call.', '') }, ...data } },
});

function lifecycle(id: string) {
  return [
    miraiEvent(id, 'call.initiate'),
    miraiEvent(id, 'call.no-answer'),
    miraiEvent(id, 'call.rescheduled'),
    miraiEvent(id, 'call.in-progress', { call: { id, status: 'in-progress', startedAt: '2026-07-26T09:15:02Z' } }),
    miraiEvent(id, 'call.completed', {
      call: { id, status: 'completed', startedAt: '2026-07-26T09:15:02Z', endedAt: '2026-07-26T09:16:38Z', durationSeconds: 96 },
    }),
    miraiEvent(id, 'end-of-call', { analysis: { success: true, summary: 'ok' }, credits: { used: 1, available: 9 } }),
    {
      metadata: { ref: id },
      event: { type: 'call.lifecycle-ended', data: { call: { id }, report: { reAttemptCount: 0, rescheduledCount: 1, finalStatus: 'completed' } } },
    },
  ];
}

const PROJECTED = `status, provider_status, final, attempts, started_at, ended_at, duration_seconds, summary, success,
  credits_used, credits_available, metadata, rescheduled_count, event_count, search_text`;

async function projected(id: string) {
  const { rows } = await testDb().query(`SELECT ${PROJECTED} FROM call WHERE provider = 'mirai' AND provider_call_id = $1`, [id]);
  return rows[0];
}

describe('idempotency', () => {
  it('ten identical deliveries at once: ten 2xx, one event, one stored delivery and nine duplicates', async () => {
    const id = uid('dup');
    const body = JSON.stringify(miraiEvent(id, 'call.completed'));
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('mirai', body)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.json.duplicate === true)).toHaveLength(9);

    const events = await testDb().query('SELECT duplicate_count FROM call_event WHERE provider_call_id = $1', [id]);
    expect(events.rows).toEqual([{ duplicate_count: 9 }]);
    const call = await callRow('mirai', id);
    const outcomes = await testDb().query('SELECT outcome, count(*)::int AS n FROM delivery WHERE call_id = $1 GROUP BY outcome ORDER BY outcome', [call?.id]);
    expect(outcomes.rows).toEqual([
      { outcome: 'duplicate', n: 9 },
      { outcome: 'stored', n: 1 },
    ]);
  });

  it('a repeat after the fact is answered {ok, duplicate} and changes nothing', async () => {
    const id = uid('rep');
    const body = JSON.stringify(miraiEvent(id, 'call.completed'));
    expect((await post('mirai', body)).json).toEqual({ ok: true });
    const before = await projected(id);
    expect((await post('mirai', body)).json).toEqual({ ok: true, duplicate: true });
    expect(await projected(id)).toEqual(before);
  });
});

describe('arrival order', () => {
  it('in order, reversed, and shuffled with duplicates all give the same call row', async () => {
    const [a, b, c] = [uid('ord'), uid('rev'), uid('shuf')];
    for (const e of lifecycle(a)) await post('mirai', e);
    for (const e of lifecycle(b).reverse()) await post('mirai', e);
    const shuffled = lifecycle(c);
    await Promise.all([...shuffled, ...shuffled.slice(2, 5)].sort(() => Math.random() - 0.5).map((e) => post('mirai', e)));

    const strip = (row: Record<string, unknown> | undefined, id: string) => ({
      ...row,
      metadata: null,
      search_text: String(row?.search_text).replace(id.toLowerCase(), 'ID'),
    });
    const expected = strip(await projected(a), a);
    expect(expected).toMatchObject({ status: 'completed', final: true, attempts: 2, event_count: 7, summary: 'ok' });
    expect(strip(await projected(b), b)).toEqual(expected);
    expect(strip(await projected(c), c)).toEqual(expected);
  });

  it('a late in-progress after the lifecycle ended does not reopen the call', async () => {
    const id = uid('late');
    for (const e of lifecycle(id)) await post('mirai', e);
    await post('mirai', miraiEvent(id, 'call.in-progress', { call: { id, status: 'in-progress', startedAt: '2026-07-26T11:00:00Z' } }));
    expect(await projected(id)).toMatchObject({ status: 'completed', final: true });
  });
});

describe('refusals are answered with a reason and recorded', () => {
  it('bad signature → 401, recorded as invalid', async () => {
    const marker = uid('badsig');
    const res = await post('mirai', miraiEvent(marker, 'call.completed'), { secret: 'sk_wrong' });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: { code: 'signature_invalid' } });
    expect(await rejectedDelivery(marker)).toMatchObject([{ verification: 'invalid', outcome: 'rejected', http_status: 401 }]);
    expect(await callRow('mirai', marker)).toBeUndefined();
  });

  it('missing signature → 401, recorded as missing', async () => {
    const marker = uid('nosig');
    const res = await post('atoms', { event: 'call.start', timestamp: new Date().toISOString(), agent_id: 'a', call_id: marker }, { secret: null });
    expect(res).toMatchObject({ status: 401, json: { error: { code: 'signature_missing' } } });
    expect(await rejectedDelivery(marker)).toMatchObject([{ verification: 'missing', http_status: 401 }]);
  });

  it('MiniVoice timestamp more than 300 s old → 401 stale', async () => {
    const marker = uid('stale');
    const body = { event: 'call.created', created_at: new Date().toISOString(), call: { id: marker }, data: { event_key: `${marker}:call.created` } };
    const res = await post('minivoice', body, { now: new Date(Date.now() - 301_000) });
    expect(res).toMatchObject({ status: 401, json: { error: { code: 'signature_stale' } } });
    expect(String((res.json.error as { message: string }).message)).toMatch(/300 s/);
    expect(await rejectedDelivery(marker)).toMatchObject([{ verification: 'stale' }]);
  });

  it('a signature for another timestamp header → 401 invalid', async () => {
    const marker = uid('replay');
    const text = JSON.stringify({ event: 'call.created', created_at: new Date().toISOString(), call: { id: marker } });
    const now = Math.floor(Date.now() / 1000);
    const signed = signMiniVoice(text, TEST_SECRETS.minivoice, now - 10);
    const res = await post('minivoice', text, { secret: null, headers: { ...signed, 'x-minivoice-timestamp': String(now) } });
    expect(res.status).toBe(401);
  });

  it('malformed JSON → 400 invalid_json, recorded', async () => {
    const marker = uid('malformed');
    const res = await post('atoms', `{"call_id": "${marker}", oops`);
    expect(res).toMatchObject({ status: 400, json: { error: { code: 'invalid_json' } } });
    expect(await rejectedDelivery(marker)).toMatchObject([{ verification: 'valid', http_status: 400, error_code: 'invalid_json' }]);
  });

  it('a payload that breaks the provider schema → 400 naming the field', async () => {
    const marker = uid('schema');
    const res = await post('mirai', { event: { type: 'call.completed', data: { call: { id: marker, durationSeconds: 'ninety' } } } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'invalid_payload' } });
    expect(JSON.stringify(res.json)).toContain('event.data.call.durationSeconds');
  });

  it('a body over 1 MiB → 413, recorded with its first 8 KB', async () => {
    const marker = uid('huge');
    const body = JSON.stringify({ marker, pad: 'x'.repeat(1024 * 1024) });
    const res = await post('mirai', body);
    expect(res).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
    const [row] = await rejectedDelivery(marker);
    expect(row).toMatchObject({ http_status: 413, body_truncated: true, stored: 8192 });
    expect(Number(row?.body_size)).toBeGreaterThan(1024 * 1024);
  });

  it('a non-JSON content type → 415', async () => {
    const marker = uid('ctype');
    const res = await post('atoms', `call_id=${marker}`, { contentType: 'application/x-www-form-urlencoded' });
    expect(res).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
    expect(await rejectedDelivery(marker)).toMatchObject([{ http_status: 415 }]);
  });
});

describe('acceptance of what we do not know yet', () => {
  it('an unknown event type from a verified sender is stored and answered 2xx, marked unknown', async () => {
    const id = uid('unk');
    const res = await post('mirai', { event: { type: 'call.teleported', data: { call: { id } } } });
    expect(res).toMatchObject({ status: 200, json: { ok: true } });
    const { rows } = await testDb().query('SELECT type, known FROM call_event WHERE provider_call_id = $1', [id]);
    expect(rows).toEqual([{ type: 'call.teleported', known: false }]);
  });

  it('either of two rotating secrets is accepted', async () => {
    const id = uid('rot');
    expect((await post('mirai', miraiEvent(id, 'call.initiate'), { secret: 'sk_retired_secret' })).status).toBe(200);
    expect((await post('mirai', miraiEvent(id, 'call.in-progress'))).status).toBe(200);
    expect(await callRow('mirai', id)).toMatchObject({ status: 'in_progress', event_count: 2 });
  });
});
