import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { fixture } from '@/test/fixtures';
import { normalizeMiniVoice } from './normalize';

describe('MiniVoice normalizer', () => {
  it('reads call.created with its event_key', () => {
    const e = normalizeMiniVoice(fixture('minivoice', 'call-created.json'));
    expect(e).toMatchObject({ dedupeKey: 'call_123:call.created', providerCallId: 'call_123', occurredAt: '2026-05-29T12:00:00.000Z' });
    expect(e.facts).toMatchObject({
      status: 'in_progress',
      direction: 'outbound',
      fromNumber: '+15551230001',
      toNumber: '+15551230002',
      customerNumber: '+15551230002',
      applicationId: 'app_123',
    });
  });
  it('falls back to call id + event without event_key; an inbound customer is the caller', () => {
    const e = normalizeMiniVoice(fixture('minivoice', 'call-completed.json'));
    expect(e.dedupeKey).toBe('call_123:call.completed');
    expect(e.facts).toMatchObject({ status: 'completed', customerNumber: '+15551230001', endedAt: '2026-05-29T12:10:00.000Z' });
  });
  it('scopes an event_key that names another call to the call the event is for', () => {
    const body = fixture('minivoice', 'call-created.json') as { call: Record<string, unknown> };
    const e = normalizeMiniVoice({ ...body, call: { ...body.call, id: 'call_456' } });
    expect(e).toMatchObject({ dedupeKey: 'call_456|call_123:call.created', providerCallId: 'call_456' });
  });
  it('refuses a body without created_at', () => {
    const { created_at: _drop, ...rest } = fixture('minivoice', 'call-created.json');
    expect(() => normalizeMiniVoice(rest)).toThrow(ZodError);
  });
});
