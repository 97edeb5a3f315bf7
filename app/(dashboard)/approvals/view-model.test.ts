import { describe, expect, it } from 'vitest';
import type { ActionListItem } from '@/lib/queries/actions/list';
import { customerOf, formatAge, groupQueue, nextOpen } from './view-model';

const item = (payload: Record<string, unknown>, editedPayload: Record<string, unknown> | null = null): ActionListItem => ({
  id: 'a',
  provider: 'mirai',
  kind: 'create_order',
  rawKind: 'create_order',
  reason: null,
  status: 'pending',
  payload,
  editedPayload,
  createdAt: '2026-11-22T10:00:00Z',
  decidedAt: null,
  decidedByEmail: null,
  decisionNote: null,
  providerCallId: null,
  callId: null,
  call: { id: 'c', customerNumber: '+919800000000', status: 'completed', providerCallId: 'p', endedAt: null },
  dispatch: null,
});

describe('approvals view model', () => {
  it('names the customer from the address, the edit winning over the original, the call as a fallback number', () => {
    expect(customerOf(item({ phone: '+911', shippingAddress: { firstName: 'Asha', lastName: 'Rao' } }))).toEqual({ name: 'Asha Rao', number: '+911' });
    expect(customerOf(item({ shippingAddress: { firstName: 'Asha' } }, { shippingAddress: { firstName: 'Usha' } })).name).toBe('Usha');
    expect(customerOf(item({ number: '+912' }))).toEqual({ name: null, number: '+912' });
    expect(customerOf(item({}))).toEqual({ name: null, number: '+919800000000' });
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(formatAge('2026-11-22T09:59:30Z', now)).toBe('just now');
    expect(formatAge('2026-11-22T09:48:00Z', now)).toBe('12 min');
    expect(formatAge('2026-11-21T07:00:00Z', now)).toBe('27 h');
    expect(formatAge('2026-11-18T10:00:00Z', now)).toBe('4 d');
  });
});

const at = (id: string, callId: string | null, createdAt: string, kind = 'create_order', payload: Record<string, unknown> = {}): ActionListItem => ({
  ...item(payload),
  id,
  kind,
  callId,
  createdAt,
  call: callId
    ? { id: callId, customerNumber: '+919800000000', status: 'completed', providerCallId: callId, endedAt: null, summary: `summary of ${callId}` }
    : null,
});

describe('the queue as call cards', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  const items = [
    at('m1', 'c1', '2026-11-22T09:00:00Z', 'send_whatsapp'),
    at('o1', 'c1', '2026-11-22T08:59:00Z', 'create_order', { shippingAddress: { firstName: 'Asha', lastName: 'Rao' } }),
    at('o2', 'c2', '2026-11-22T08:00:00Z'),
    at('m3', 'c3', '2026-11-22T10:00:00Z', 'send_whatsapp'),
    at('lone', null, '2026-11-22T07:00:00Z'),
  ];
  // A message's window closes 24 h after its action came (these calls have no end time).
  const deadline = (i: ActionListItem) => (i.kind === 'send_whatsapp' ? Date.parse(i.createdAt) + 24 * 3600_000 : null);

  it('puts the actions of one call on one card, named by whichever action names the customer, with the call summary', () => {
    const groups = groupQueue(items, 'waiting', deadline, now);
    const c1 = groups.find((g) => g.callId === 'c1');
    expect(c1?.items.map((i) => i.id)).toEqual(['o1', 'm1']);
    expect(c1?.customer.name).toBe('Asha Rao');
    expect(c1?.summary).toBe('summary of c1');
  });

  it('sorts by waiting time, longest first, and by urgency, the soonest-closing window first', () => {
    expect(groupQueue(items, 'waiting', deadline, now).map((g) => g.key)).toEqual(['action:lone', 'c2', 'c1', 'c3']);
    expect(groupQueue(items, 'urgency', deadline, now).map((g) => g.key)).toEqual(['c1', 'c3', 'action:lone', 'c2']);
    // A window already closed is not urgent any more: it sorts by waiting time.
    const late = Date.parse('2026-11-23T09:30:00Z');
    expect(groupQueue(items, 'urgency', deadline, late).map((g) => g.key)).toEqual(['c3', 'action:lone', 'c2', 'c1']);
  });

  it('moves focus on to the next open item, never back to a skipped one', () => {
    const order = ['a', 'b', 'c', 'd'];
    const open = (decided: string[]) => (id: string) => !decided.includes(id);
    expect(nextOpen(order, null, open([]))).toBe('a');
    expect(nextOpen(order, 'b', open(['b']))).toBe('c');
    expect(nextOpen(order, 'b', open(['b', 'c']))).toBe('d');
    expect(nextOpen(order, 'd', open(['d']))).toBeNull();
    expect(nextOpen(order, 'c', open([]), -1)).toBe('b');
    expect(nextOpen(order, null, open([]), -1)).toBe('d');
    expect(nextOpen(order, 'gone', open([]))).toBeNull();
  });
});
