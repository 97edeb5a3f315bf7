import { describe, expect, it } from 'vitest';
import type { ActionListItem } from '@/lib/queries/actions/list';
import { customerOf, formatAge } from './view-model';

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
