import { describe, expect, it } from 'vitest';
import { fixture } from '@/test/fixtures';
import { callDurationSeconds } from './current-normalize';
import { normalizeAtoms } from './normalize';

describe('Atoms seed-format normalizer', () => {
  it('reads call.start, call.end and analytics.completed', () => {
    const start = normalizeAtoms(fixture('atoms', 'call-start.json'));
    expect(start).toMatchObject({ providerCallId: 'call_xyz789', dedupeKey: 'call_xyz789:call.start:2024-07-15T14:30:00Z' });
    expect(start.facts).toMatchObject({ status: 'in_progress', direction: 'inbound', customerNumber: '+15551234567', agentId: 'agent_abc123' });
    const end = normalizeAtoms(fixture('atoms', 'call-end.json'));
    expect(end.facts).toMatchObject({ status: 'completed', durationSeconds: 300, disposition: 'successful', variables: { customer_name: 'Jane Smith' } });
    expect(end.facts.transcript).toEqual([
      { role: 'agent', text: 'Hello! How can I help?', at: null },
      { role: 'customer', text: 'I have a question...', at: null },
    ]);
    const analytics = normalizeAtoms(fixture('atoms', 'analytics-completed.json'));
    expect(analytics.facts.metrics).toMatchObject({ satisfaction_score: 4, issue_resolved: true });
  });
});

describe('Atoms current format', () => {
  it('reads pre-conversation, post-conversation and analytics-completed joined on metadata.callId', () => {
    const pre = normalizeAtoms(fixture('atoms', 'pre-conversation.json'));
    expect(pre).toMatchObject({ dedupeKey: 'CALL-1778226705739-7e4c17:pre-conversation', providerCallId: 'CALL-1778226705739-7e4c17' });
    expect(pre.facts).toMatchObject({
      status: 'in_progress',
      direction: 'outbound',
      toNumber: '+916296641821',
      customerNumber: '+916296641821',
      fromNumber: '+918035317096',
    });
    const post = normalizeAtoms(fixture('atoms', 'post-conversation.json'));
    expect(post.facts).toMatchObject({
      status: 'completed',
      durationSeconds: 49.350622,
      startedAt: '2026-05-08T07:51:58.813Z',
      recordingUrl: expect.stringContaining('composite.wav'),
      variables: { customer_name: 'Rahul Sharma' },
    });
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
