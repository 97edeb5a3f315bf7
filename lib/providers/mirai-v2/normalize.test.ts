import { describe, expect, it } from 'vitest';
import { fixture } from '@/test/fixtures';
import { normalizeMiraiV2 } from './normalize';

describe('Mirai v2 normalizer', () => {
  it('dedupes on the event id and reads the call object', () => {
    const e = normalizeMiraiV2(fixture('mirai-v2', 'call-completed.json'));
    expect(e).toMatchObject({
      dedupeKey: 'evt_01JZQ9C5N9P4R7S3T6V8W2X4YB',
      providerCallId: 'call_01JZQ9B4M8N3P6R2S5T7V9W1YA',
      occurredAt: '2026-07-26T09:16:38.000Z',
      known: true,
    });
    expect(e.facts).toMatchObject({
      status: 'completed',
      final: true,
      durationSeconds: 96,
      customerNumber: '+919876543210',
      endReason: 'assistant-ended-call',
      cost: { amount: 5, currency: 'INR' },
    });
  });
  it('maps failure statuses and aborts onto canonical ones', () => {
    expect(normalizeMiraiV2(fixture('mirai-v2', 'call-failed.json')).facts).toMatchObject({
      status: 'no_answer',
      final: true,
      endReason: 'customer-did-not-answer',
    });
    expect(normalizeMiraiV2(fixture('mirai-v2', 'call-voicemail.json')).facts.status).toBe('voicemail');
    expect(normalizeMiraiV2(fixture('mirai-v2', 'call-aborted.json')).facts.status).toBe('canceled');
  });
  it('reads call.processed transcript turns with their offsets, without touching the status', () => {
    const e = normalizeMiraiV2(fixture('mirai-v2', 'call-processed.json'));
    expect(e.facts.status).toBeUndefined();
    expect(e.facts.transcript).toEqual([
      { role: 'agent', text: 'Hi Asha, thanks for joining. Shall we start?', at: null, startMs: 380 },
      { role: 'customer', text: "Yes, let's start.", at: null, startMs: 3900 },
    ]);
    expect(e.facts.metadata).toEqual({ session_id: 'sess_8f2c41', user_id: 'usr_1042' });
  });
  it('keeps campaign events as campaign events, and accepts unknown types', () => {
    const e = normalizeMiraiV2(fixture('mirai-v2', 'campaign-paused.json'));
    expect(e).toMatchObject({ providerCallId: null, campaign: { id: 'cmp_01K7QAC5N9P4R7S3T6V8W2X4YB', status: 'paused' }, known: true });
    expect(normalizeMiraiV2({ id: 'evt_x', type: 'call.teleported', created_at: '2026-01-01T00:00:00Z', data: {} }).known).toBe(false);
  });
});
