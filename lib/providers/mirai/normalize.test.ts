import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { fixture } from '@/test/fixtures';
import { normalizeMirai } from './normalize';

describe('Mirai v1 normalizer', () => {
  it('reads call.completed from the seed', () => {
    const e = normalizeMirai(fixture('mirai', 'call-completed.json'));
    expect(e).toMatchObject({ type: 'call.completed', known: true, providerCallId: 'c_550e8400-e29b', occurredAt: null });
    expect(e.facts).toMatchObject({
      status: 'completed',
      providerStatus: 'completed',
      direction: 'outbound',
      durationSeconds: 150,
      startedAt: '2023-10-27T10:00:00.000Z',
      endedAt: '2023-10-27T10:02:30.000Z',
      metadata: { customer_id: '12345', order_ref: 'ORD-001' },
    });
    expect(e.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('gives the same dedupe key whatever the key order, another for another body', () => {
    const body = fixture('mirai', 'call-completed.json');
    const reordered = { event: body.event, metadata: body.metadata };
    expect(normalizeMirai(reordered).dedupeKey).toBe(normalizeMirai(body).dedupeKey);
    expect(normalizeMirai(fixture('mirai', 'call-completed-v1.json')).dedupeKey).not.toBe(normalizeMirai(body).dedupeKey);
  });

  it('reads analysis, credits and the attempts report from end-of-call', () => {
    const e = normalizeMirai(fixture('mirai', 'end-of-call-v1.json'));
    expect(e.facts).toMatchObject({
      success: true,
      summary: 'Customer confirmed the order and chose cash on delivery.',
      requiredActions: ['create_order', 'send_whatsapp'],
      insights: { interested: true, callback_requested: false },
      creditsUsed: 1.5,
      creditsAvailable: 98.5,
      reAttemptCount: 0,
      rescheduledCount: 0,
    });
    expect(e.credits).toEqual({ used: 1.5, available: 98.5 });
  });

  it('keeps analysis.outcome from the legacy swagger example', () => {
    const e = normalizeMirai(fixture('mirai', 'end-of-call-legacy-swagger.json'));
    expect(e.facts.outcome).toMatchObject({ shouldUpdateAddress: true, updatedAddress: { city: 'Surat' } });
  });

  it('marks call.lifecycle-ended final with the report verdict', () => {
    const e = normalizeMirai(fixture('mirai', 'lifecycle-ended.json'));
    expect(e.facts).toMatchObject({ final: true, finalStatus: 'completed', reAttemptCount: 1, rescheduledCount: 0 });
  });

  it('turns both action spellings into one kind, keeping payload and reason', () => {
    const order = normalizeMirai(fixture('mirai', 'action-create-order.json'));
    expect(order.action).toMatchObject({ kind: 'create_order', rawKind: 'create_order', reason: null });
    expect(order.action?.payload).toMatchObject({ paymentMode: 'cod', cartTotal: 150 });
    // A payload's number is the customer's only when the call names none itself (lib/ingest/customer-number.ts).
    expect(order.facts).toMatchObject({ actionNumber: '+15550109988' });
    expect(order.facts.customerNumber).toBeUndefined();
    expect(order.providerCallId).toBeNull();
    const hyphen = normalizeMirai({ event: { type: 'action', data: { action: 'create-order', call: { id: 'c1' }, payload: {} } } });
    expect(hyphen.action).toMatchObject({ kind: 'create_order', rawKind: 'create-order' });
    expect(hyphen.providerCallId).toBe('c1');
    const wa = normalizeMirai(fixture('mirai', 'action-send-whatsapp.json'));
    expect(wa.action).toMatchObject({ kind: 'send_whatsapp', reason: 'missing_address', payload: {} });
  });

  it('accepts an unknown event type as unknown', () => {
    const e = normalizeMirai({ event: { type: 'call.teleported', data: { call: { id: 'x1' } } } });
    expect(e).toMatchObject({ known: false, type: 'call.teleported', providerCallId: 'x1' });
  });

  it('refuses lifecycle events without a call id and fields of the wrong type', () => {
    expect(() => normalizeMirai({ event: { type: 'call.completed', data: {} } })).toThrow(ZodError);
    expect(() => normalizeMirai({ event: { type: 'call.completed', data: { call: { id: 'a', durationSeconds: 'long' } } } })).toThrow(ZodError);
    expect(() => normalizeMirai({ nope: true })).toThrow(ZodError);
  });
});

describe('Mirai v1 extras', () => {
  it('accepts mark_prepaid, update_address and confirmed_address actions', () => {
    for (const action of ['mark_prepaid', 'update_address', 'confirmed_address', 'mark-prepaid']) {
      const e = normalizeMirai({ event: { type: 'action', data: { action, call: { id: 'c1' }, payload: {} } } });
      expect(e.action?.kind).toBe(action.replace('-', '_'));
    }
  });
});
