import { describe, expect, it, vi } from 'vitest';
import { allowedHosts, originFor, refusalReason } from './allowed-hosts';
import type { DispatchConfig } from './config';
import { exchange, failurePhase, fromFailure, fromStatus, notProcessed } from './http';

const config: DispatchConfig = {
  shopify: { domain: 'shop.myshopify.com', token: 't', apiVersion: '2025-10', currency: 'INR' },
  orderWebhook: null,
  whatsappCloud: null,
  whatsappWebhook: { url: 'http://127.0.0.1:4010/wa', secret: 'whsec_x' },
  templates: [],
  templateLanguage: 'en',
  currency: 'INR',
  slack: null,
  email: null,
  appUrl: null,
  insecureHosts: ['127.0.0.1'],
  timeoutMs: 1000,
  policy: { maxAttempts: 8, baseMs: 60_000, factor: 3, maxMs: 43_200_000 },
};
const response = (status: number, headers: Record<string, string> = {}, text = '') => ({
  kind: 'response' as const,
  status,
  headers: new Headers(headers),
  text,
});

describe('allowed hosts', () => {
  it('are exactly the configured destinations, over https unless listed as insecure for tests', () => {
    expect([...allowedHosts(config)].sort()).toEqual(['127.0.0.1:4010', 'shop.myshopify.com']);
    expect(refusalReason('https://shop.myshopify.com/admin/api/2025-10/graphql.json', config)).toBeNull();
    expect(refusalReason('http://shop.myshopify.com/admin', config)).toMatch(/is not https/);
    expect(refusalReason('https://evil.example/x', config)).toMatch(/evil.example is not a configured destination/);
    expect(refusalReason('http://127.0.0.1:4010/wa', config)).toBeNull();
    expect(refusalReason('http://127.0.0.1:4011/wa', config)).toMatch(/not a configured destination/);
    expect(originFor('shop.myshopify.com', config)).toBe('https://shop.myshopify.com');
    expect(originFor('127.0.0.1:4010', config)).toBe('http://127.0.0.1:4010');
  });

  it("include the Slack-compatible webhook's host when it is configured (email speaks SMTP to SMTP_URL's host alone)", () => {
    const withSlack = { ...config, slack: { url: 'https://hooks.slack.com/services/T/B/secret' } };
    expect([...allowedHosts(withSlack)].sort()).toEqual(['127.0.0.1:4010', 'hooks.slack.com', 'shop.myshopify.com']);
    expect(refusalReason('https://hooks.slack.com/services/T/B/secret', withSlack)).toBeNull();
    expect(refusalReason('https://hooks.slack.com/services/T/B/secret', config)).toMatch(/not a configured destination/);
  });

  it('refuses before fetching, and says so in the log, naming the origin but not the path (a webhook path can be its secret)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await exchange('https://evil.example/x/secret', { method: 'POST', headers: {} }, config)).toMatchObject({ kind: 'refused' });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/refused to send to https:\/\/evil.example: /));
    expect(log).not.toHaveBeenCalledWith(expect.stringContaining('secret'));
    log.mockRestore();
    fetchSpy.mockRestore();
  });
});

describe('what an answer means', () => {
  it.each([
    [201, 'sent'],
    [408, 'retry'],
    [429, 'retry'],
    [503, 'retry'],
    [400, 'failed'],
    [404, 'failed'],
    [301, 'failed'],
  ] as const)('HTTP %i → %s', (status, outcome) => expect(fromStatus(response(status)).outcome).toBe(outcome));

  it('carries Retry-After and names a redirect it did not follow', () => {
    expect(fromStatus(response(429, { 'retry-after': '7' }))).toMatchObject({ outcome: 'retry', retryAfterMs: 7000 });
    expect(fromStatus(response(302, { location: 'https://elsewhere.example' }))).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/redirect to https:\/\/elsewhere.example; redirects are not followed/),
    });
  });

  it('sorts network failures by whether the request may have arrived', () => {
    expect(fromFailure({ kind: 'network', error: 'ECONNREFUSED', mayHaveArrived: false })).toMatchObject({ outcome: 'retry' });
    expect(fromFailure({ kind: 'network', error: 'no answer within 1000 ms', mayHaveArrived: true })).toMatchObject({ outcome: 'uncertain' });
    expect(fromFailure({ kind: 'refused', error: 'Refused: x' })).toMatchObject({ outcome: 'refused' });
  });
});

describe('how far a failed request got', () => {
  const at = (connected: boolean, written: boolean, reused: boolean, answered: boolean) => ({ connected, written, reused, answered });
  it('not connected, or not written in full: cannot have been processed', () => {
    expect(failurePhase(at(false, false, false, false), 'ECONNREFUSED')).toBe('connect');
    expect(failurePhase(at(true, false, false, false), 'ECONNRESET')).toBe('write');
    expect(notProcessed('connect') && notProcessed('write')).toBe(true);
  });
  it('a kept-alive connection reset before any byte of an answer: the receiver had closed it', () => {
    expect(failurePhase(at(true, true, true, false), 'ECONNRESET')).toBe('stale');
    expect(failurePhase(at(true, true, true, false), 'EPIPE')).toBe('stale');
    expect(notProcessed('stale')).toBe(true);
  });
  it('reset (RST, not an orderly close) before any byte of an answer: the receiver never read the whole request', () => {
    expect(failurePhase(at(true, true, false, false), 'ECONNRESET', true)).toBe('unread');
    expect(failurePhase(at(true, true, true, false), 'ECONNRESET', true)).toBe('unread');
    expect(failurePhase(at(true, true, true, true), 'ECONNRESET', true)).toBe('sent');
    expect(notProcessed('unread')).toBe(true);
  });
  it('closed after the whole request on a fresh connection, timed out, or an answer begun: may have arrived', () => {
    expect(failurePhase(at(true, true, false, false), 'ECONNRESET')).toBe('sent');
    expect(failurePhase(at(true, true, true, false), undefined)).toBe('sent');
    expect(failurePhase(at(true, true, true, true), 'ECONNRESET')).toBe('sent');
    expect(notProcessed('sent')).toBe(false);
  });
  it('a try that never reached the destination is a retry that uses up no attempt', () => {
    expect(fromFailure({ kind: 'network', error: 'ECONNREFUSED', mayHaveArrived: false })).toMatchObject({ outcome: 'retry', unreached: true });
  });
});
