import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';
import { readAnalysis } from '@/lib/calls/analysis';
import { checkCompleteness } from '@/lib/calls/completeness';
import { requiredActionRows } from '@/lib/calls/required-actions';
import { buildTimeline } from '@/lib/calls/timeline';
import { transcriptLines } from '@/lib/calls/transcript';
import { type CallDetailView, getCallDetail, listOtherCalls } from '@/lib/queries/calls/detail';
import { atomsCurrent, miniVoiceCompleted, miraiRescheduled, miraiV2StartedLate, type Story } from '@/test/call-stories';
import { callRow, post, testDb, uid, useTestSecrets } from '@/test/webhooks';

// Lifecycles posted through the real, signed webhook routes, read back with the detail page's
// query functions, and run through the same timeline and completeness functions the page uses.
useTestSecrets();

const actor = (role: Role): Actor => ({ userId: `test-${role}`, email: `${role}@test.callboard`, role, via: 'session' });
const approver = actor('approver');

async function send(story: Story): Promise<string> {
  for (const body of story.bodies) expect((await post(story.provider, body)).status).toBe(200);
  const row = await callRow(story.provider, story.callId);
  expect(row).toBeDefined();
  return String(row?.id);
}

async function detail(story: Story, who: Actor = approver): Promise<CallDetailView> {
  const call = await getCallDetail(who, await send(story));
  if (!call) throw new Error('the call was not found');
  return call;
}

const types = (call: CallDetailView) => buildTimeline(call.provider, call.events).attempts.map((a) => a.steps.map((s) => s.event.type));
const report = (call: CallDetailView, now = new Date()) =>
  checkCompleteness(call.provider, buildTimeline(call.provider, call.events), { final: call.final, lastEventAt: call.lastEventAt, now });
const randomNumber = () => `+9177${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('timeline and completeness on stored calls', () => {
  it('Mirai v1: a reschedule splits the call into two attempts; the repeated initiate is one stored event counted twice', async () => {
    const call = await detail(miraiRescheduled(uid('mirai')));
    expect(types(call)).toEqual([
      ['call.initiate', 'call.no-answer', 'call.rescheduled'],
      ['call.in-progress', 'call.ended', 'call.completed', 'end-of-call', 'call.lifecycle-ended'],
    ]);
    expect(call.events.find((e) => e.type === 'call.initiate')).toMatchObject({ duplicateCount: 1, status: 'queued', reschedule: false });
    expect(call.events.find((e) => e.type === 'call.rescheduled')).toMatchObject({ status: 'rescheduled', reschedule: true });
    const r = report(call);
    expect(r.counts).toMatchObject({ missing: 0, late: 0, outOfOrder: 0 });
    expect(r.attempts.map((a) => a.kind)).toEqual(['not_connected', 'answered']);
    expect(r.attempts[1]?.steps[0]).toMatchObject({ label: 'Initiated', state: 'collapsed' });
    expect(call).toMatchObject({ status: 'completed', attempts: 2, detailUrl: 'https://api.voice-agents.com/calls/...' });
  });

  it('Mirai v1: events received after call.lifecycle-ended are flagged, the lifecycle otherwise complete', async () => {
    const story = miraiRescheduled(uid('mirai-after-end'));
    story.bodies.push(
      { metadata: {}, event: { type: 'action', data: { action: 'send_whatsapp', call: { id: story.callId }, payload: { number: randomNumber() } } } },
      { metadata: { retry: 1 }, event: { type: 'call.completed', data: { call: { id: story.callId, status: 'completed', durationSeconds: 150 } } } },
    );
    const call = await detail(story);
    const r = report(call);
    expect(r.counts).toMatchObject({ missing: 0, afterEnd: 2 });
    expect(r.afterEnd.map((e) => [e.type, e.after])).toEqual([
      ['action', 'call.lifecycle-ended'],
      ['call.completed', 'call.lifecycle-ended'],
    ]);
  });

  it('Required actions: an order raised twice shows both actions with their own status, not the last one only', async () => {
    const callId = uid('mirai-required');
    const order = (note: string) => ({
      metadata: {},
      event: { type: 'action', data: { action: 'create_order', call: { id: callId }, payload: { phone: randomNumber(), note, paymentMode: 'cod' } } },
    });
    const story: Story = {
      provider: 'mirai',
      callId,
      bodies: [
        { metadata: {}, event: { type: 'call.initiate', data: { call: { id: callId, status: 'initiate' } } } },
        order('first try'),
        order('second try'),
        {
          metadata: {},
          event: {
            type: 'end-of-call',
            data: { call: { id: callId, status: 'completed' }, analysis: { success: true, requiredActions: ['create-order', 'send-whatsapp'] } },
          },
        },
      ],
    };
    const id = await send(story);
    const [first] = (await testDb().query<{ id: string }>(`SELECT id FROM action WHERE call_id = $1 ORDER BY created_at, id LIMIT 1`, [id])).rows;
    await testDb().query(`UPDATE action SET status = 'rejected' WHERE id = $1`, [first?.id]);
    const call = await getCallDetail(approver, id);
    if (!call) throw new Error('the call was not found');
    const rows = requiredActionRows(readAnalysis(call.analysis).requiredActions, call.actions);
    expect(rows.map((r) => [r.kind, r.actions.map((a) => a.status).sort()])).toEqual([
      ['create_order', ['pending', 'rejected']],
      ['send_whatsapp', []],
    ]);
  });

  it('Mirai v2: a retried call.started stored after call.completed is placed first and reported late', async () => {
    const call = await detail(miraiV2StartedLate(uid('v2')));
    expect(types(call)).toEqual([['call.started', 'call.completed', 'call.processed']]);
    const started = report(call).attempts[0]?.steps.find((s) => s.label === 'Started');
    expect(started).toMatchObject({ state: 'arrived', lateAfter: 'Completed' });
    expect(started?.eventId).toBe(call.events.find((e) => e.type === 'call.started')?.id);
    expect(transcriptLines(call.transcript, call.startedAt).map((l) => l.offsetMs)).toEqual([380, 3900]);
  });

  it('Atoms: pre-conversation (no time of its own) still opens the timeline; turns get offsets into the recording', async () => {
    const call = await detail(atomsCurrent(uid('atoms')));
    expect(types(call)).toEqual([['pre-conversation', 'post-conversation', 'analytics-completed']]);
    expect(buildTimeline(call.provider, call.events).clock).toBe('mixed');
    expect(report(call).counts).toMatchObject({ arrived: 3, missing: 0 });
    expect(call.recordingUrl).toMatch(/^https:/);
    expect(transcriptLines(call.transcript, call.startedAt).map((l) => [l.role, l.offsetMs])).toEqual([
      ['agent', 6310],
      ['customer', 8556],
    ]);
  });

  it('Atoms without analytics: missing, and pending while the call is recent', async () => {
    const call = await detail(atomsCurrent(uid('atoms'), { analytics: false }));
    const recent = report(call);
    expect(recent).toMatchObject({ pending: true, counts: { missing: 1 } });
    expect(recent.attempts[0]?.steps.at(-1)).toMatchObject({ label: 'Analytics', state: 'missing' });
    expect(report(call, new Date(Date.now() + 3600_000)).pending).toBe(false);
  });

  it('MiniVoice: a call created in progress counts as answered', async () => {
    const call = await detail(miniVoiceCompleted(uid('mv'), randomNumber()));
    expect(report(call).attempts[0]?.steps.map((s) => s.state)).toEqual(['arrived', 'arrived', 'arrived']);
  });

  it('an unknown id is null', async () => {
    expect(await getCallDetail(approver, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});

describe('privacy and the customer’s other calls', () => {
  it('a viewer gets numbers masked, in the call and in every payload', async () => {
    const number = randomNumber();
    const call = await detail(miniVoiceCompleted(uid('mv'), number), actor('viewer'));
    expect(call.customerNumber).toBe(`+91•••••${number.slice(-4)}`);
    expect(JSON.stringify(call.events.map((e) => e.payload))).not.toContain(number);
  });

  it('lists the other calls on the same number, newest first, at most ten, for every role', async () => {
    const number = randomNumber();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await send(miniVoiceCompleted(uid('mv'), number)));
    await send(miniVoiceCompleted(uid('mv'), randomNumber()));
    const [first] = ids;
    const others = await listOtherCalls(approver, first as string);
    expect(others.map((c) => c.id)).toEqual(ids.slice(1).reverse().slice(0, 10));
    expect(others[0]).toMatchObject({ provider: 'minivoice', status: 'completed' });
    // A viewer only ever sees the number masked, yet gets the same calls: it is matched in SQL.
    expect((await listOtherCalls(actor('viewer'), first as string)).map((c) => c.id)).toEqual(others.map((c) => c.id));
  });

  it('a call without a customer number has no other calls', async () => {
    const mirai = await detail(miraiRescheduled(uid('mirai')));
    expect(mirai.customerNumber).toBeNull();
    expect(await listOtherCalls(approver, mirai.id)).toEqual([]);
  });
});
