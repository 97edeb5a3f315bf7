import { describe, expect, it } from 'vitest';
import { GET as getCallRoute } from '@/app/api/calls/[id]/route';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import type { Actor } from '@/lib/auth/actor';
import { reprocess } from '@/lib/ingest/reprocess';
import { listOtherCalls } from '@/lib/queries/calls/detail';
import { makeToken } from '@/test/auth';
import { parseCsv } from '@/test/csv';
import { fixture } from '@/test/fixtures';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Who the customer is: the number comes from the provider's own fields, the echoed metadata
// (the keys of CUSTOMER_NUMBER_KEYS) and action payloads, normalised to E.164 with the default
// region, so a Mirai v1 call that never connected still names the customer ops must call back,
// and the same customer matches across providers and is found by the digits people quote.
useTestSecrets();
// lib/env.ts reads the environment once, on first use: set before any request.
process.env.DEFAULT_PHONE_REGION = 'IN';

const approver: Actor = { userId: 'test-approver', email: 'approver@test.callboard', role: 'approver', via: 'session' };
let token: Promise<string> | undefined;
const auth = async () => {
  token ??= makeToken('approver');
  return { authorization: `Bearer ${await token}` };
};

/** A fresh Indian mobile number, as its 10 national digits. */
const nationalDigits = () => `98${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

function miraiV1(callId: string, type: string, metadata: Record<string, unknown>) {
  return { metadata, event: { type, data: { call: { id: callId, status: type.slice('call.'.length) } } } };
}

/** A Mirai v1 call that was busy: initiate, busy, and the closing report; no action, no transcript. */
async function busyMiraiCall(metadata: Record<string, unknown>): Promise<string> {
  const callId = uid('mirai');
  const ended = fixture<{ metadata?: unknown; event: { data: { call?: unknown; report?: Record<string, unknown> } } }>('mirai', 'lifecycle-ended.json');
  ended.metadata = metadata;
  ended.event.data.call = { id: callId, status: 'busy' };
  ended.event.data.report = { reAttemptCount: 0, rescheduledCount: 0, finalStatus: 'busy' };
  for (const body of [miraiV1(callId, 'call.initiate', metadata), miraiV1(callId, 'call.busy', metadata), ended]) {
    expect((await post('mirai', body)).status).toBe(200);
  }
  const row = await callRow('mirai', callId);
  expect(row?.status).toBe('busy');
  return String(row?.id);
}

async function miraiV2Call(to: string): Promise<string> {
  const body = fixture<{ id: string; data: { call: { id: string; to: string } } }>('mirai-v2', 'call-completed.json');
  const callId = uid('v2');
  body.id = `${callId}_completed`;
  body.data.call.id = callId;
  body.data.call.to = to;
  expect((await post('mirai-v2', body)).status).toBe(200);
  return String((await callRow('mirai-v2', callId))?.id);
}

async function listed(query: string): Promise<{ id: string; customerNumber: string | null }[]> {
  const res = await listCalls(new Request(`http://localhost/api/calls?${query}`, { headers: await auth() }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { calls: { id: string; customerNumber: string | null }[] }).calls;
}

describe('a Mirai v1 call that never connected names its customer from the echoed metadata', () => {
  it('busy, metadata customerPhone without +: the list, the call, the CSV and other calls all show it in E.164', async () => {
    const marker = uid('busy');
    const digits = nationalDigits();
    const id = await busyMiraiCall({ marker, customerPhone: `${digits.slice(0, 5)} ${digits.slice(5)}` });
    const e164 = `+91${digits}`;

    // GET /api/calls (the list)
    expect(await listed(`q=${marker}`)).toMatchObject([{ id, customerNumber: e164 }]);

    // GET /api/calls/{id} (the header and details)
    const res = await getCallRoute(new Request(`http://localhost/api/calls/${id}`, { headers: await auth() }), { params: Promise.resolve({ id }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { call: { customerNumber: string } }).call.customerNumber).toBe(e164);

    // The CSV export
    const csv = await exportCalls(new Request(`http://localhost/api/calls/export?q=${marker}`, { headers: await auth() }));
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
    const column = rows[0]!.indexOf('customer_number');
    expect(column).toBeGreaterThanOrEqual(0);
    expect(rows.slice(1).map((r) => r[column])).toEqual([e164]);

    // "Other calls with this number": the same customer on Mirai v2 (its own `to`, already E.164)
    const other = await miraiV2Call(e164);
    expect((await listOtherCalls(approver, id)).map((c) => c.id)).toEqual([other]);
    expect((await listOtherCalls(approver, other)).map((c) => c.id)).toEqual([id]);
  });

  it('each spelling of the default keys is read; a key outside them is not', async () => {
    for (const key of ['phone', 'customer_phone', 'mobile', 'phoneNumber', 'phone_number', 'to']) {
      const marker = uid('key');
      const digits = nationalDigits();
      const id = await busyMiraiCall({ marker, [key]: `+91${digits}` });
      expect(await listed(`q=${marker}`), key).toMatchObject([{ id, customerNumber: `+91${digits}` }]);
    }
    const marker = uid('key');
    const id = await busyMiraiCall({ marker, alternateContact: `+91${nationalDigits()}` });
    expect(await listed(`q=${marker}`)).toMatchObject([{ id, customerNumber: null }]);
  });

  it('a value that is not a parseable number is kept as given (trimmed), not dropped', async () => {
    const marker = uid('odd');
    const id = await busyMiraiCall({ marker, customerPhone: '  12-34 ext  ' });
    expect(await listed(`q=${marker}`)).toMatchObject([{ id, customerNumber: '12-34 ext' }]);
  });
});

describe('search finds the customer by the digits people quote', () => {
  it('the last 4, 5 or 10 digits, grouped or not, with or without +91', async () => {
    const marker = uid('digits');
    const digits = nationalDigits();
    const id = await busyMiraiCall({ marker, customerPhone: `0${digits}` });
    const scoped = (q: string) => listed(`q=${encodeURIComponent(q)}&meta=${encodeURIComponent(`marker=${marker}`)}`);
    for (const q of [
      digits.slice(-4),
      digits.slice(-5),
      `${digits.slice(0, 5)} ${digits.slice(5)}`,
      digits,
      `+91${digits}`,
      `+91 ${digits.slice(0, 5)}-${digits.slice(5)}`,
    ]) {
      expect(await scoped(q), q).toMatchObject([{ id }]);
    }
    // A suffix it does not end with finds nothing.
    const wrong = String((Number(digits.slice(-4)) + 1) % 10000).padStart(4, '0');
    expect(await scoped(wrong)).toEqual([]);
  });
});

describe('npm run reprocess re-derives numbers', () => {
  it('a call stored before numbers were read from metadata gets its number when reprocessed', async () => {
    const marker = uid('reprocess');
    const digits = nationalDigits();
    const id = await busyMiraiCall({ marker, customerPhone: digits });
    // As today's code left it.
    await testDb().query('UPDATE call SET customer_number = NULL WHERE id = $1', [id]);
    expect(await listed(`q=${marker}`)).toMatchObject([{ id, customerNumber: null }]);
    const client = await testDb().connect();
    try {
      const result = await reprocess(client, { kind: 'call', callId: id }, { actor: { id: null, email: 'test' } });
      expect(result.calls.updated).toBe(1);
    } finally {
      client.release();
    }
    expect(await listed(`q=${marker}`)).toMatchObject([{ id, customerNumber: `+91${digits}` }]);
  });
});
