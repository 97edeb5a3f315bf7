import { describe, expect, it } from 'vitest';
import { fixture, fixtureText } from '@/test/fixtures';
import { callDurationSeconds } from './atoms/current-normalize';
import { normalizeAtoms } from './atoms/normalize';
import { normalizeMiraiV2 } from './mirai-v2/normalize';
import { verifyMiraiV2 } from './mirai-v2/verify';
import { normalizeMirai } from './mirai/normalize';

describe('Mirai v2 X-Mirai-Signature', () => {
  // Mirai's own published vector (spec §1.5); its timestamp is in the past, so "now" is set to it.
  const body = fixtureText('mirai-v2', 'test-vector.json');
  const header = 't=1785057398,v1=771bca27e1647dfbe59ff5d8f32d9de69be246f6e604c05bddcbaefd8604ccb3';
  const verify = (h: string, now = 1785057398, secrets = ['whsec_7d4f1a09c2e58b36a1f0d7c93b2e64a8']) =>
    verifyMiraiV2({ rawBody: Buffer.from(body), headers: new Headers({ 'x-mirai-signature': h }), secrets, now: new Date(now * 1000), toleranceSeconds: 300 }).verification;

  it('verifies the vendor test vector, with any of several secrets', () => {
    expect(body.length).toBe(177);
    expect(verify(header)).toBe('valid');
    expect(verify(header, 1785057398, ['whsec_rotated_out', 'whsec_7d4f1a09c2e58b36a1f0d7c93b2e64a8'])).toBe('valid');
  });
  it('refuses it 301 s later, with a changed t, or malformed', () => {
    expect(verify(header, 1785057398 + 301)).toBe('stale');
    expect(verify(header.replace('t=1785057398', 't=1785057399'), 1785057399)).toBe('invalid');
    expect(verify('v1=abc')).toBe('invalid');
  });
});

describe('Mirai v2 normalizer', () => {
  it('dedupes on the event id and reads the call object', () => {
    const e = normalizeMiraiV2(fixture('mirai-v2', 'call-completed.json'));
    expect(e).toMatchObject({ dedupeKey: 'evt_01JZQ9C5N9P4R7S3T6V8W2X4YB', providerCallId: 'call_01JZQ9B4M8N3P6R2S5T7V9W1YA', occurredAt: '2026-07-26T09:16:38.000Z', known: true });
    expect(e.facts).toMatchObject({ status: 'completed', final: true, durationSeconds: 96, customerNumber: '+919876543210', endReason: 'assistant-ended-call', cost: { amount: 5, currency: 'INR' } });
  });
  it('maps failure statuses and aborts onto canonical ones', () => {
    expect(normalizeMiraiV2(fixture('mirai-v2', 'call-failed.json')).facts).toMatchObject({ status: 'no_answer', final: true, endReason: 'customer-did-not-answer' });
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

describe('Atoms current format', () => {
  it('reads pre-conversation, post-conversation and analytics-completed joined on metadata.callId', () => {
    const pre = normalizeAtoms(fixture('atoms', 'pre-conversation.json'));
    expect(pre).toMatchObject({ dedupeKey: 'CALL-1778226705739-7e4c17:pre-conversation', providerCallId: 'CALL-1778226705739-7e4c17' });
    expect(pre.facts).toMatchObject({ status: 'in_progress', direction: 'outbound', toNumber: '+916296641821', customerNumber: '+916296641821', fromNumber: '+918035317096' });
    const post = normalizeAtoms(fixture('atoms', 'post-conversation.json'));
    expect(post.facts).toMatchObject({ status: 'completed', durationSeconds: 49.350622, startedAt: '2026-05-08T07:51:58.813Z', recordingUrl: expect.stringContaining('composite.wav'), variables: { customer_name: 'Rahul Sharma' } });
    expect(post.facts.transcript?.[1]).toEqual({ role: 'customer', text: 'हाँ बोलिए', at: '2026-05-08T07:52:07.369Z' });
    const analytics = normalizeAtoms(fixture('atoms', 'analytics-completed-canonical.json'));
    expect(analytics.facts).toMatchObject({ summary: expect.stringContaining('overdue EMI'), metrics: { turn_taking_balance: 2, escalation_needed: false } });
  });
  it('reads callDuration as seconds, tolerating the old string and millisecond forms', () => {
    expect(callDurationSeconds(49.350622, '2026-05-08T07:51:58.813Z', '2026-05-08T07:52:48.164Z')).toBeCloseTo(49.35, 2);
    expect(callDurationSeconds('30')).toBe(30);
    expect(callDurationSeconds(180000, '2026-05-08T07:00:00Z', '2026-05-08T07:03:00Z')).toBe(180);
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
