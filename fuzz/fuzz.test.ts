import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWhatsappWebhook } from '@/lib/whatsapp/webhook';
import { signFor } from '@/simulator/sign';
import { apiCase, buildApiRequest } from './api-cases';
import { OptionError, parseFuzzArgs } from './cli-options';
import { freshenIds, loadFixtures, WEBHOOK_ENDPOINTS } from './fixtures';
import { encode, fromValue, Obj, Raw } from './json-tree';
import { applyByteMutations, applyJsonMutations } from './mutate';
import { checkWebhook, type DeliveryFacts } from './oracle';
import { escapeBytes } from './request';
import { signBytes } from './sign-bytes';
import { buildWebhookRequest, webhookCase } from './webhook-cases';
import { buildWhatsappRequest, WHATSAPP_FIXTURES, whatsappCase } from './whatsapp-cases';

describe('json-tree', () => {
  it('encodes duplicate keys, raw numbers and raw bytes exactly', () => {
    const tree = new Obj([
      ['a', 1],
      ['a', Raw.text('1e400')],
      ['s', '\ud800'],
      ['r', Raw.inString([0x00], 'nul')],
    ]);
    expect(encode(tree)).toEqual(Buffer.concat([Buffer.from('{"a":1,"a":1e400,"s":"\\ud800","r":"ab'), Buffer.from([0]), Buffer.from('cd"}')]));
  });

  it('round-trips every fixture unmutated', () => {
    for (const f of loadFixtures()) expect(JSON.parse(encode(f.tree).toString('utf8'))).toBeTypeOf('object');
  });

  it('encodes 100,000 levels without overflowing the stack', () => {
    let deep: ReturnType<typeof fromValue> = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(encode(deep).length).toBe(200_001);
  });
});

describe('mutations', () => {
  it('never touch the fixture they start from', () => {
    const fixture = loadFixtures()[0]!;
    const before = encode(fixture.tree);
    applyJsonMutations(fixture.tree, [
      { op: 'delete', at: 0 },
      { op: 'string', at: 3, value: '\u0000' },
    ]);
    expect(encode(fixture.tree)).toEqual(before);
  });

  it('truncate, insert and delete stay inside the body', () => {
    const body = Buffer.from('{"a":1}');
    expect(applyByteMutations(body, [{ op: 'truncate', at: 3 }]).toString()).toBe('{"a');
    expect(applyByteMutations(body, [{ op: 'insert', at: 1, bytes: [0x41] }]).toString()).toBe('{A"a":1}');
    expect(
      applyByteMutations(Buffer.alloc(0), [
        { op: 'delete', at: 5, length: 3 },
        { op: 'flip', at: 9, bit: 1 },
      ]),
    ).toEqual(Buffer.alloc(0));
  });

  it('fresh ids replace a call id wherever it is echoed', () => {
    const tree = fromValue({ call: { id: 'call_123' }, data: { event_key: 'call_123:call.created' } });
    expect(JSON.parse(encode(freshenIds(tree, '0000000042')).toString())).toEqual({
      call: { id: 'call_123_0000000042' },
      data: { event_key: 'call_123_0000000042:call.created' },
    });
  });
});

describe('signing bytes', () => {
  it('agrees with the simulator on valid UTF-8', () => {
    const body = '{"x":"é"}';
    const now = new Date('2026-12-05T00:00:00Z');
    for (const p of WEBHOOK_ENDPOINTS) expect(signBytes(p, Buffer.from(body), 'secret', now.getTime() / 1000)).toEqual(signFor(p, body, 'secret', now));
  });
});

describe('cases', () => {
  it('build requests for every generated case (a sample)', () => {
    const secrets = { mirai: 'a', 'mirai-v2': 'b', minivoice: 'c', atoms: 'd' };
    for (const c of fc.sample(webhookCase(), { seed: 1, numRuns: 200 })) {
      const r = buildWebhookRequest(c, { secrets, now: new Date(), serial: '1', requestId: 'r' });
      expect(r.headers).toContainEqual(['x-request-id', 'r']);
    }
    const ctx = { origin: 'http://localhost', ids: { call: [], action: [], delivery: [] }, bearer: 't', cookie: null };
    for (const c of fc.sample(apiCase({ call: 0, action: 0, delivery: 0 }), { seed: 1, numRuns: 200 }))
      expect(() => new URL(`http://localhost${buildApiRequest(c, ctx).path}`)).not.toThrow();
  });
});

describe('WhatsApp cases', () => {
  it('an unmutated, validly signed case is a WhatsApp webhook the parser reads; every sample builds', () => {
    for (const [fixture] of WHATSAPP_FIXTURES.entries()) {
      const r = buildWhatsappRequest({ fixture, json: [], bytes: [], sign: 'valid', garbage: '' }, { secret: 's', serial: '0000000001', requestId: 'r' });
      const body = r.body ?? Buffer.alloc(0);
      expect(r.headers).toContainEqual(['x-hub-signature-256', `sha256=${createHmac('sha256', 's').update(body).digest('hex')}`]);
      const parsed = parseWhatsappWebhook(body);
      expect(parsed.ok && parsed.messages.length + parsed.statuses.length).toBeGreaterThan(0);
    }
    for (const c of fc.sample(whatsappCase(), { seed: 1, numRuns: 200 })) {
      expect(buildWhatsappRequest(c, { secret: 's', serial: '1', requestId: 'r' }).headers).toContainEqual(['x-request-id', 'r']);
    }
  });
});

describe('oracle', () => {
  const stored: DeliveryFacts = {
    outcome: 'stored',
    httpStatus: 200,
    errorCode: null,
    eventId: 'e',
    callId: 'c',
    eventFound: true,
    eventCallId: 'c',
    eventProviderCallId: 'p',
    callFound: true,
    eventCount: 2,
    storedEvents: 2,
    lastEventAt: 't',
    newestEventAt: 't',
  };
  const ok = { status: 200, contentType: 'application/json', text: '{"ok":true}' };

  it('passes a stored, folded delivery', () => expect(checkWebhook(ok, stored)).toEqual([]));
  it('flags an unfolded call, a 202 kept for later, a 5xx and a 4xx without its reason', () => {
    expect(checkWebhook(ok, { ...stored, eventCount: 1 }).map((p) => p.kind)).toEqual(['unfolded']);
    expect(
      checkWebhook({ ...ok, status: 202, text: '{"ok":true,"processed":false}' }, { ...stored, httpStatus: 202, outcome: 'failed', eventId: null }).map(
        (p) => p.kind,
      ),
    ).toEqual(['accepted_not_processed', 'accepted_without_event']);
    expect(checkWebhook({ ...ok, status: 500, text: '{}' }, undefined).map((p) => p.kind)).toEqual(['5xx', 'missing_delivery']);
    const bad = { status: 400, contentType: 'application/json', text: '{"error":{"code":"invalid_json","message":"x"}}' };
    expect(checkWebhook(bad, { ...stored, httpStatus: 400, outcome: 'rejected', errorCode: null }).map((p) => p.kind)).toEqual(['rejected_without_reason']);
  });
});

describe('cli options', () => {
  it('refuses a non-loopback URL unless told', () => {
    expect(() => parseFuzzArgs(['--url', 'https://callboard.example.com'])).toThrow(OptionError);
    expect(parseFuzzArgs(['--url', 'https://callboard.example.com', '--allow-remote']).url).toBe('https://callboard.example.com');
    expect(parseFuzzArgs(['--url', 'http://localhost:3411/', '--seed', '7']).seed).toBe(7);
  });
  it('needs DATABASE_URL for --check', () => expect(() => parseFuzzArgs(['--check'], {})).toThrow(/DATABASE_URL/));
});

it('escapes bytes that are not UTF-8', () => expect(escapeBytes(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe('a\\xed\\xa0\\x80'));
