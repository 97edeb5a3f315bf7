import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '@/lib/providers/types';
import { decideCall, renormalize, type StoredEventLink } from './reprocess-normalize';

const event = (providerCallId: string | null, linkMetadata?: Record<string, unknown>): NormalizedEvent => ({
  dedupeKey: 'k',
  type: 'action',
  known: true,
  providerCallId,
  occurredAt: null,
  facts: {},
  linkMetadata,
});
const linkedOnArrival = (providerCallId: string | null): StoredEventLink => ({ providerCallId, ownProviderCallId: null });
const namedItsCall = (providerCallId: string): StoredEventLink => ({ providerCallId, ownProviderCallId: providerCallId });

describe('decideCall', () => {
  it.each([
    ['an event that names its call belongs to it, whatever was stored', event('c1'), linkedOnArrival('c9'), undefined, { decided: true, providerCallId: 'c1' }],
    [
      'a call-less event keeps the link made on arrival under the same key',
      event(null, { ref: 1 }),
      linkedOnArrival('c2'),
      undefined,
      { decided: true, providerCallId: 'c2' },
    ],
    ['…including "no call": metadata matched nothing then', event(null, { ref: 1 }), linkedOnArrival(null), undefined, { decided: true, providerCallId: null }],
    [
      'a new key inherits the link of the event the delivery made before',
      event(null, { ref: 1 }),
      undefined,
      linkedOnArrival('c3'),
      { decided: true, providerCallId: 'c3' },
    ],
    ['a call id the old parser read from the body is no link decision', event(null, { ref: 1 }), namedItsCall('c4'), namedItsCall('c4'), { decided: false }],
    ['no history and metadata to match: look it up now', event(null, { ref: 1 }), undefined, undefined, { decided: false }],
    ['no history and nothing to match: no call', event(null), undefined, undefined, { decided: true, providerCallId: null }],
  ] as const)('%s', (_name, e, sameKey, previous, expected) => {
    expect(decideCall(e, sameKey, previous)).toEqual(expected);
  });
});

describe('renormalize', () => {
  it('reads a body as the webhook route does, and says why one still fails', () => {
    const body = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v));
    const start = { event: 'call.start', timestamp: '2026-07-01T10:00:00Z', agent_id: 'a', call_id: 'c1' };
    expect(renormalize('atoms', body(start))).toMatchObject({ ok: true, event: { type: 'call.start', providerCallId: 'c1' } });
    expect(renormalize('atoms', body('{"oops'))).toEqual({ ok: false, error: expect.stringMatching(/^Body is not valid JSON/) });
    expect(renormalize('mirai', body({ event: { type: 'call.completed', data: { call: { id: 'x', durationSeconds: 'ninety' } } } }))).toEqual({
      ok: false,
      error: expect.stringContaining('event.data.call.durationSeconds'),
    });
    expect(renormalize('gone', body(start))).toEqual({ ok: false, error: 'No provider "gone" in this version' });
  });
});
