import { describe, expect, it } from 'vitest';
import { compareCall, type ObservedCall, summarize } from './check';
import { expectedOf } from './expected';
import { generateCalls, withDuplicates } from './lifecycles';
import { withOutOfOrder } from './out-of-order';

const expected = { provider: 'mirai', providerCallId: 'c1', status: 'completed', attempts: 2, events: 8, actions: 1 };
const seen = (over: Partial<ObservedCall> = {}): ObservedCall => ({ id: 'u1', status: 'completed', attempts: 2, events: 8, actions: 1, ...over });

describe('compareCall', () => {
  it.each([
    ['a match', [seen()], []],
    ['no call', [], ['missing']],
    ['two calls for one id', [seen(), seen({ id: 'u2' })], ['duplicated']],
    ['a wrong status', [seen({ status: 'busy' })], ['wrong']],
    ['a wrong attempt count', [seen({ attempts: 1 })], ['wrong']],
    ['a lost event', [seen({ events: 7 })], ['wrong']],
    ['a lost action', [seen({ actions: 0 })], ['missing']],
    ['a doubled action', [seen({ actions: 2 })], ['duplicated']],
    ['several faults', [seen({ status: 'queued', actions: 0 })], ['wrong', 'missing']],
  ] as const)('reports %s', (_, observed, kinds) => {
    expect(compareCall(expected, observed).map((d) => d.kind)).toEqual(kinds);
  });

  it('names the field and both values', () => {
    expect(compareCall(expected, [seen({ status: 'busy' })])[0]?.detail).toBe('status: expected completed, got busy');
  });

  it('summarize counts by kind', () => {
    const found = [...compareCall(expected, []), ...compareCall(expected, [seen({ actions: 3 })])];
    expect(summarize(2, found).byKind).toEqual({ missing: 1, duplicated: 1, wrong: 0 });
  });
});

describe('expectedOf', () => {
  const now = new Date('2026-08-01T12:00:00Z');
  const calls = generateCalls({ count: 60, seed: 11, now });

  it('is unchanged by duplicates and shuffling: the API must show the same call', () => {
    const noisy = withOutOfOrder(withDuplicates(calls, 0.5, 11), 1, 11);
    expect(noisy.map(expectedOf)).toEqual(calls.map(expectedOf));
  });

  it('expects a rescheduled call to show two attempts and a completed status', () => {
    const call = calls.find((c) => c.outcome === 'no_answer_rescheduled_answered');
    expect(call && expectedOf(call)).toMatchObject({ status: 'completed', attempts: 2 });
  });
});
