import { describe, expect, it } from 'vitest';
import { GET as analytics } from '@/app/api/analytics/[chart]/route';
import { GET as exportCalls } from '@/app/api/calls/export/route';
import { GET as listCalls } from '@/app/api/calls/route';
import { GET as listDeliveries } from '@/app/api/deliveries/route';
import { makeToken } from '@/test/auth';

// Dates JavaScript's Date.parse accepts and Postgres refuses (year 0, before year 1, past 9999)
// in a query parameter or a cursor: a 400 naming it, never a 500 (found by the fuzz suite).

const EXTREMES = ['-271821-04-20T00:00:00Z', '0000-01-01', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z'];
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('extreme dates in the JSON API', () => {
  it.each(EXTREMES)('%s as from / to / updatedSince / a cursor is a 400', async (at) => {
    const token = await makeToken('viewer');
    const get = async (route: (r: Request, c: { params: Promise<{ chart: string }> }) => Promise<Response>, url: string, chart = '') => {
      const res = await route(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ chart }) });
      return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
    };
    const q = encodeURIComponent(at);
    const cases = [
      await get(listCalls, `/api/calls?updatedSince=${q}`),
      await get(listCalls, `/api/calls?from=${q}`),
      await get(listCalls, `/api/calls?cursor=${b64(`${at}|0b7e3a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b`)}`),
      await get(listCalls, `/api/calls?cursor=${b64(JSON.stringify(['activity', 'desc', at, '0b7e3a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b']))}`),
      await get(exportCalls, `/api/calls/export?to=${q}`),
      await get(listDeliveries, `/api/deliveries?from=${q}`),
      await get(listDeliveries, `/api/deliveries?cursor=${b64(`${at}|0b7e3a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b`)}`),
      await get(analytics, `/api/analytics/balance?to=${q}`, 'balance'),
      await get(analytics, `/api/analytics/summary?from=${q}`, 'summary'),
      await get(analytics, `/api/analytics/volume?from=${q}`, 'volume'),
    ];
    for (const c of cases) {
      expect(c.status).toBe(400);
      expect(c.body.error?.code).toMatch(/invalid_(request|cursor)/);
    }
  });
});

describe('sign-in with text Postgres cannot hold', () => {
  it.each(['a\u0000@b.c', 'a\ud800@b.co', 'asha\u0000@callboard.local'])('an email like %j is a 400 in the envelope, not a 500', async (email) => {
    const { signIn } = await import('@/test/auth');
    expect((await signIn(email, 'x', '203.0.113.99')).status).toBe(400);
  });

  it('a body nested 10,000 levels deep is a 400, not a 500', async () => {
    const { POST } = await import('@/app/api/auth/[...all]/route');
    const body = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await POST(
      new Request('http://localhost/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body,
      }),
    );
    expect(res.status).toBe(400);
  });
});

describe('sign-in with an address longer than any real one', () => {
  it('is a 400, not a 500 from the limiter index', async () => {
    const { signIn } = await import('@/test/auth');
    expect((await signIn(`${'a'.repeat(300_000)}@b.co`, 'x', '203.0.113.98')).status).toBe(400);
  });
});

describe('a JSON route body nested past 64 levels', () => {
  it('is a 400 invalid_json before any schema walks it', async () => {
    const { readJsonBody } = await import('@/lib/http/json-body');
    const body = `{"payload":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    await expect(
      readJsonBody(new Request('http://localhost/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body })),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_json' });
  });
});

describe('an analytics period at the edge of the calendar', () => {
  it.each([
    'from=%2B275760-09-13T00%3A00%3A00.001Z&from=9999-12-31T23%3A59%3A59.999Z&tz=Asia%2FKolkata',
    'from=0001-01-01&to=9999-12-30',
    'from=0001-01-02&to=0001-01-05',
  ])('%s is a 400, not a 500 from the date arithmetic', async (query) => {
    const token = await makeToken('viewer');
    for (const chart of ['volume', 'summary', 'credits']) {
      const res = await analytics(new Request(`http://localhost/api/analytics/${chart}?${query}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ chart }),
      });
      expect(res.status).toBe(400);
    }
  });
});
