import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGE_STATES, messageState, type StatusRecord } from './message-state';

const at = (s: number) => new Date(Date.UTC(2026, 11, 5, 10, 0, s));
const status = (s: StatusRecord['status'], t: number, code = 0): StatusRecord => ({
  status: s,
  at: at(t),
  errorCode: s === 'failed' ? code || 131026 : 0,
  errorTitle: s === 'failed' ? 'Message undeliverable' : null,
  errorMessage: null,
  errorDetails: null,
});

describe('messageState', () => {
  it('nothing reported: no state', () => {
    expect(messageState([])).toEqual({ state: null, at: null, failures: [] });
  });

  it('the furthest state, whatever the order, at the time it was first reached', () => {
    expect(messageState([status('read', 3), status('sent', 1), status('delivered', 2), status('read', 4)])).toMatchObject({ state: 'read', at: at(3) });
  });

  it('failed only when nothing got further; every failure kept, oldest first', () => {
    expect(messageState([status('failed', 5, 131056), status('failed', 2, 130429)])).toMatchObject({
      state: 'failed',
      at: at(2),
      failures: [{ code: 130429 }, { code: 131056 }],
    });
    expect(messageState([status('failed', 1), status('delivered', 2)])).toMatchObject({ state: 'delivered', failures: [{ code: 131026 }] });
    // Meta says sent, then failed, for a message that never arrived: sent is no evidence it did.
    expect(messageState([status('failed', 2), status('sent', 1)])).toMatchObject({ state: 'failed', at: at(2) });
  });

  it('property: order and repeats never change the answer', () => {
    const record = fc.record({ s: fc.constantFrom(...MESSAGE_STATES), t: fc.integer({ min: 0, max: 59 }), code: fc.constantFrom(1, 2, 131026, 131056) });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.array(fc.nat()), (list, seeds) => {
        const statuses = list.map((r) => status(r.s, r.t, r.code));
        const shuffled = [...statuses, ...statuses.slice(0, 2)];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds[i % Math.max(1, seeds.length)] ?? 0) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as StatusRecord, shuffled[i] as StatusRecord];
        }
        const a = messageState(statuses);
        const b = messageState(shuffled);
        expect(b.state).toBe(a.state);
        expect(b.at).toEqual(a.at);
        expect(new Set(b.failures.map((f) => JSON.stringify(f)))).toEqual(new Set(a.failures.map((f) => JSON.stringify(f))));
      }),
    );
  });
});
