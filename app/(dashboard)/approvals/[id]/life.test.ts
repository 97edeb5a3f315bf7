import { describe, expect, it } from 'vitest';
import type { ActionDetail } from '@/lib/queries/actions/detail';
import { actionLife } from './life';

const at = (s: string) => new Date(`2026-11-22T10:${s}Z`);

const action = {
  id: 'a',
  provider: 'mirai',
  kind: 'create_order',
  rawKind: 'create_order',
  reason: 'missing_address',
  status: 'dispatched',
  payload: {},
  editedPayload: { note: 'x' },
  createdAt: at('00:00'),
  decidedAt: at('01:00'),
  decidedByEmail: 'ops@x',
  decisionNote: null,
  providerCallId: 'p1',
  call: { id: 'c', provider: 'mirai', providerCallId: 'p1', customerNumber: null, status: 'completed', startedAt: null, endedAt: null },
  outbox: {
    id: 'o',
    destination: 'shopify',
    status: 'sent',
    attempts: 2,
    nextAttemptAt: at('02:00'),
    lastStatus: 200,
    lastError: null,
    responseId: 'gid://shopify/Order/1',
    sentAt: at('03:00'),
    createdAt: at('01:00'),
    payload: {},
    attemptLog: [
      { number: 1, startedAt: at('01:01'), durationMs: 300, outcome: 'retry', httpStatus: null, error: 'no answer within 300 ms', responseId: null },
      { number: 2, startedAt: at('03:00'), durationMs: 40, outcome: 'found', httpStatus: null, error: null, responseId: 'gid://shopify/Order/1' },
    ],
  },
  history: [{ at: at('01:00'), actorEmail: 'ops@x', action: 'action_approved', before: {}, after: { payload: {}, note: 'ok' } }],
} as unknown as ActionDetail;

describe('action life', () => {
  it('tells the story in order: raised, approved with an edit, attempts with their answers', () => {
    expect(actionLife(action).map((e) => [e.title, e.detail])).toEqual([
      ['Raised by mirai call p1', 'Reason: missing address'],
      ['Approved by ops@x', 'with an edited payload · note: ok'],
      ['Attempt 1 to shopify: Attempt failed; will retry', '300 ms · no answer within 300 ms'],
      ['Attempt 2 to shopify: Found already delivered (looked up by our key)', '40 ms · id gid://shopify/Order/1'],
    ]);
  });

  it('an undone decision says who undid it and what it was', () => {
    const undone = {
      ...action,
      status: 'approved',
      outbox: null,
      history: [
        { at: at('01:00'), actorEmail: 'ops@x', action: 'action_rejected', before: {}, after: { note: 'duplicate' } },
        { at: at('01:05'), actorEmail: 'lead@x', action: 'action_undone', before: { status: 'rejected' }, after: { status: 'pending' } },
        { at: at('01:10'), actorEmail: 'lead@x', action: 'action_approved', before: {}, after: {} },
      ],
    } as unknown as ActionDetail;
    expect(actionLife(undone).map((e) => [e.title, e.detail])).toEqual([
      ['Raised by mirai call p1', 'Reason: missing address'],
      ['Rejected by ops@x', 'Reason: duplicate'],
      ['Undone by lead@x', 'The rejection was taken back; nothing was sent'],
      ['Approved by lead@x', null],
    ]);
  });

  it('a re-send as a template says which, why and with what values', () => {
    const resent = {
      ...action,
      outbox: null,
      history: [
        {
          at: at('02:00'),
          actorEmail: 'lead@x',
          action: 'action_resent_as_template',
          before: { lastError: 'WhatsApp error 131047: the customer has not written in 24 hours: send a template' },
          after: { template: 'order_address_needed', parameters: ['Asha', 'ORD-1'] },
        },
      ],
    } as unknown as ActionDetail;
    expect(actionLife(resent).at(-1)).toMatchObject({
      title: 'Re-sent as template order_address_needed by lead@x',
      detail: 'WhatsApp error 131047: the customer has not written in 24 hours: send a template · values: Asha · ORD-1',
    });
  });
});
