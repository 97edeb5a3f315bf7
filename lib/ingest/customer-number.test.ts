import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMirai } from '@/lib/providers/mirai/normalize';
import { normalizeMiraiV2 } from '@/lib/providers/mirai-v2/normalize';
import type { CallFacts, NormalizedEvent } from '@/lib/providers/types';
import { fixture } from '@/test/fixtures';
import { customerNumber, DEFAULT_NUMBER_OPTIONS, type NumberOptions } from './customer-number';
import { foldCall } from './fold';
import type { FoldEvent } from './types';

const IN: NumberOptions = { ...DEFAULT_NUMBER_OPTIONS, defaultPhoneRegion: 'IN' };

let n = 0;
const ev = (facts: CallFacts, at: { occurredAt?: string | null; receivedAt?: string; key?: string } = {}): FoldEvent => ({
  dedupeKey: at.key ?? `k${String(n++).padStart(4, '0')}`,
  type: 'x',
  occurredAt: at.occurredAt ?? null,
  receivedAt: at.receivedAt ?? '2026-12-01T10:00:00.000Z',
  facts,
});
const stored = (events: NormalizedEvent[]): FoldEvent[] =>
  events.map((e, i) => ({
    dedupeKey: e.dedupeKey,
    type: e.type,
    occurredAt: e.occurredAt,
    receivedAt: new Date(Date.UTC(2026, 11, 1, 10, 0, i)).toISOString(),
    facts: e.facts,
  }));

describe('the customer number: preference order', () => {
  it('1. the provider’s own field beats the metadata and the payloads', () => {
    const events = [ev({ actionNumber: '+913333333333' })];
    expect(customerNumber({ own: '+911111111111', metadata: { phone: '+912222222222' }, events })).toBe('+911111111111');
  });

  it('2. then the metadata, by the order of the keys setting, not the object’s key order', () => {
    const metadata = { to: '+913333333333', mobile: '+912222222222', customerPhone: '+911111111111' };
    expect(customerNumber({ own: null, metadata, events: [] })).toBe('+911111111111');
    const keys = { ...DEFAULT_NUMBER_OPTIONS, customerNumberKeys: ['to', 'mobile'] };
    expect(customerNumber({ own: null, metadata, events: [] }, keys)).toBe('+913333333333');
    expect(customerNumber({ own: null, metadata, events: [] }, { ...keys, customerNumberKeys: ['nothing'] })).toBeNull();
  });

  it('a metadata value is a number only when it has a digit; a number-typed value counts', () => {
    expect(customerNumber({ own: null, metadata: { phone: 'n/a', mobile: 919876543210 }, events: [] }, IN)).toBe('+919876543210');
    expect(customerNumber({ own: null, metadata: { phone: { nested: '1' }, mobile: '', to: '  ' }, events: [] })).toBeNull();
  });

  it('3. then action payloads, in event order: provider time, then receipt, then key (never a hash of the body)', () => {
    const events = [
      ev({ actionNumber: '+913333333333' }, { receivedAt: '2026-12-01T10:00:05.000Z', key: 'a' }),
      ev({ actionNumber: '+912222222222' }, { receivedAt: '2026-12-01T10:00:01.000Z', key: 'z' }),
      ev({ status: 'busy' }, { receivedAt: '2026-12-01T10:00:00.000Z' }),
    ];
    expect(customerNumber({ own: null, metadata: {}, events })).toBe('+912222222222');
    const stamped = [
      ev({ actionNumber: '+917777777777' }, { occurredAt: '2026-12-01T09:00:00.000Z', receivedAt: '2026-12-01T09:00:01.000Z' }),
      ev({ actionNumber: '+911111111111' }, { occurredAt: '2026-11-30T00:00:00.000Z', receivedAt: '2026-12-02T00:00:00.000Z' }),
    ];
    expect(customerNumber({ own: null, metadata: {}, events: stamped })).toBe('+911111111111');
    expect(customerNumber({ own: null, metadata: { phone: '+914444444444' }, events })).toBe('+914444444444');
  });

  it('the chosen value is normalised with the default region, or kept as given (trimmed)', () => {
    expect(customerNumber({ own: null, metadata: { phone: '098765 43210' }, events: [] }, IN)).toBe('+919876543210');
    expect(customerNumber({ own: null, metadata: { phone: ' 98765 43210 ' }, events: [] })).toBe('98765 43210');
    expect(customerNumber({ own: ' withheld ', metadata: {}, events: [] }, IN)).toBe('withheld');
  });

  it('is the same for any arrival order of the events (property)', () => {
    const number = fc.constantFrom('+911111111111', '98765 43210', '+44 20 7946 0958', 'x');
    const event = fc.record({
      facts: fc.record({ actionNumber: number }, { requiredKeys: [] }),
      occurredAt: fc.constantFrom(null, '2026-12-01T09:00:00.000Z', '2026-12-01T09:30:00.000Z'),
      receivedAt: fc.constantFrom('2026-12-01T10:00:00.000Z', '2026-12-01T10:00:01.000Z'),
      dedupeKey: fc.string({ minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(event, { selector: (e) => e.dedupeKey, maxLength: 6 }), fc.integer(), (raw, seed) => {
        const events = raw.map((e) => ({ ...e, type: 'action' }));
        const shuffled = [...events].sort((a, b) => ((a.dedupeKey.charCodeAt(0) * seed) % 7) - ((b.dedupeKey.charCodeAt(0) * seed) % 7));
        expect(customerNumber({ own: null, metadata: {}, events: shuffled }, IN)).toBe(customerNumber({ own: null, metadata: {}, events }, IN));
      }),
    );
  });
});

describe('foldCall names the customer of a Mirai v1 call from every place it can be carried', () => {
  const mirai = (type: string, metadata: Record<string, unknown>, data: Record<string, unknown> = { call: { id: 'c1', status: type.slice(5) } }) =>
    normalizeMirai({ metadata, event: { type, data } });

  it.each(['call.busy', 'call.no-answer', 'call.timeout', 'call.failed', 'call.validation-failed'])('%s: from metadata customerPhone', (type) => {
    const events = stored([mirai('call.initiate', { customerPhone: '98765 43210' }), mirai(type, { customerPhone: '98765 43210' })]);
    expect(foldCall('mirai', 'c1', events, IN).customerNumber).toBe('+919876543210');
    expect(foldCall('mirai', 'c1', events).customerNumber).toBe('98765 43210');
  });

  it('the metadata beats an action payload; a payload alone still names the customer', () => {
    const action = mirai('action', {}, { action: 'send_whatsapp', call: { id: 'c1' }, payload: { number: '+915555555555' } });
    const busy = mirai('call.busy', { phone: '+916666666666' });
    expect(foldCall('mirai', 'c1', stored([action, busy]), IN).customerNumber).toBe('+916666666666');
    expect(foldCall('mirai', 'c1', stored([action, mirai('call.busy', {})]), IN).customerNumber).toBe('+915555555555');
  });

  it('Mirai v2 uses its own `to`, whatever the metadata says', () => {
    const body = fixture<{ data: { call: Record<string, unknown> } }>('mirai-v2', 'call-completed.json');
    body.data.call.metadata = { phone: '+911111111111' };
    expect(foldCall('mirai-v2', 'x', stored([normalizeMiraiV2(body)]), IN).customerNumber).toBe('+919876543210');
  });

  it('the search text holds the normalised number', () => {
    const events = stored([mirai('call.busy', { customerPhone: '98765 43210' })]);
    expect(foldCall('mirai', 'c1', events, IN).searchText).toContain('+919876543210');
  });
});
