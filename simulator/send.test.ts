import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCalls } from './lifecycles';
import { sendCalls, sendEvent } from './send';

// A throwaway HTTP server stands in for Callboard: it records what arrives and answers 401
// for Atoms so failures are counted too.

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let inFlight = 0;
let maxInFlight = 0;
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      setTimeout(() => {
        inFlight--;
        const rejected = req.url?.endsWith('/atoms');
        res.writeHead(rejected ? 401 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(rejected ? { error: { code: 'invalid_signature', message: 'no' } } : { ok: true }));
      }, 2);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendEvent', () => {
  it('posts compact JSON to the provider route with signature headers', async () => {
    received.length = 0;
    const res = await sendEvent({
      baseUrl: `${baseUrl}/`,
      provider: 'minivoice',
      body: { event: 'call.created', a: [1, 2] },
      secret: 's',
      now: new Date(1_780_056_000_000),
    });
    expect(res).toEqual({ status: 200, json: { ok: true } });
    const [req] = received;
    expect(req?.path).toBe('/api/webhooks/minivoice');
    expect(req?.body).toBe('{"event":"call.created","a":[1,2]}');
    expect(req?.headers['x-minivoice-event']).toBe('call.created');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['x-minivoice-timestamp']).toBe('1780056000');
    const expected = createHmac('sha256', 's').update(`1780056000.${req?.body}`).digest('hex');
    expect(req?.headers['x-minivoice-signature']).toBe(`v1=${expected}`);
  });

  it('sends a string body byte for byte', async () => {
    received.length = 0;
    await sendEvent({ baseUrl, provider: 'mirai', body: '{ "spaced": true }', secret: 'sk_x' });
    expect(received[0]?.body).toBe('{ "spaced": true }');
    expect(received[0]?.headers['x-signature']).toBe(createHmac('sha256', 'sk_x').update('{ "spaced": true }').digest('hex'));
  });
});

describe('sendCalls', () => {
  it('keeps each call in order, bounds concurrency and counts statuses', async () => {
    received.length = 0;
    maxInFlight = 0;
    const calls = generateCalls({ count: 24, seed: 5, now: new Date('2026-08-01T12:00:00Z') });
    const total = calls.reduce((n, c) => n + c.events.length, 0);
    const atoms = calls.filter((c) => c.provider === 'atoms').reduce((n, c) => n + c.events.length, 0);
    let progressCalls = 0;
    const result = await sendCalls({ baseUrl, calls, secrets: { mirai: 'a', minivoice: 'b', atoms: 'c' }, concurrency: 3, onProgress: () => progressCalls++ });

    expect(result).toMatchObject({ sent: total, ok: total - atoms, failed: atoms, byStatus: { '200': total - atoms, '401': atoms } });
    expect(result.firstFailure).toContain('HTTP 401');
    expect(progressCalls).toBe(total);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
    for (const call of calls) {
      const bodies = received.filter((r) => r.path.endsWith(call.provider) && r.body.includes(call.providerCallId)).map((r) => r.body);
      expect(bodies).toEqual(call.events.map((e) => JSON.stringify(e)));
    }
  });

  it('counts a refused connection instead of throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const calls = generateCalls({ count: 2, seed: 1, now: new Date(), providers: ['minivoice'] });
    const result = await sendCalls({ baseUrl: url, calls, secrets: { mirai: 'a', minivoice: 'b', atoms: 'c' }, concurrency: 2 });
    expect(result).toMatchObject({ sent: 4, ok: 0, failed: 4, byStatus: { network: 4 } });
    expect(result.firstFailure).toMatch(/fetch failed/);
  });
});
