import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerRef, type MessageStatusRow, messageStateOf, parseCustomerRef } from './message-state';

const at = (m: number) => new Date(Date.UTC(2026, 11, 5, 10, m)).toISOString();
const ok = (status: MessageStatusRow['status'], m: number): MessageStatusRow => ({ status, at: at(m), code: 0, title: null, message: null, details: null });
const failed = (code: number, m: number, details: string | null = null): MessageStatusRow => ({
  status: 'failed',
  at: at(m),
  code,
  title: 'x',
  message: 'Meta says no',
  details,
});

describe('messageStateOf', () => {
  it('has no state before Meta reported anything', () => {
    expect(messageStateOf([])).toEqual({ state: null, at: null, failures: [] });
  });

  it('keeps the furthest of sent < delivered < read, whatever order the statuses came in', () => {
    expect(messageStateOf([ok('read', 3), ok('sent', 1), ok('delivered', 2)])).toMatchObject({ state: 'read', at: at(3) });
    expect(messageStateOf([ok('delivered', 2), ok('delivered', 2), ok('sent', 1)])).toMatchObject({ state: 'delivered', at: at(2) });
  });

  it('is failed only when nothing got further, and keeps every failure explained', () => {
    const onlyFailed = messageStateOf([failed(131026, 1), failed(131047, 2)]);
    expect(onlyFailed.state).toBe('failed');
    expect(onlyFailed.at).toBe(at(1)); // when it first failed
    expect(onlyFailed.failures.map((f) => f.code)).toEqual([131026, 131047]);
    expect(onlyFailed.failures[1]?.explanation).toBe('WhatsApp error 131047: the customer has not written in 24 hours: send a template');
    expect(onlyFailed.failures[0]?.handling).toBe('final');
    // Meta says sent, then failed, for a message that never arrived: failed (as the action's state says, lib/whatsapp/message-state.ts).
    expect(messageStateOf([ok('sent', 1), failed(131026, 2)]).state).toBe('failed');
    // A multi-device customer: failed on one device, delivered on another.
    const both = messageStateOf([failed(131026, 1), ok('delivered', 2)]);
    expect(both.state).toBe('delivered');
    expect(both.failures).toHaveLength(1);
  });

  it('never depends on the order the statuses are listed in (property)', () => {
    const row = fc.oneof(
      fc.constantFrom('sent', 'delivered', 'read').chain((s) => fc.integer({ min: 0, max: 59 }).map((m) => ok(s as MessageStatusRow['status'], m))),
      fc.tuple(fc.constantFrom(131026, 131047, 130429, 1), fc.integer({ min: 0, max: 59 })).map(([c, m]) => failed(c, m)),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const a = messageStateOf(rows);
        const b = messageStateOf([...rows].reverse());
        expect(b.state).toBe(a.state);
        expect(b.at).toBe(a.at);
        expect(new Set(b.failures.map((f) => `${f.code}@${f.at}`))).toEqual(new Set(a.failures.map((f) => `${f.code}@${f.at}`)));
      }),
    );
  });
});

describe('customer references in URLs', () => {
  it('names a customer by number for those who may read it, by a call otherwise', () => {
    expect(customerRef({ number: '+919800000001', callId: 'c1', whole: true })).toBe('%2B919800000001');
    expect(customerRef({ number: '+919800000001', callId: 'c1', whole: false })).toBe('call-c1');
    expect(customerRef({ number: null, callId: 'c1', whole: true })).toBeNull();
  });

  it('reads a number (encoded or not, with or without +) or a call reference', () => {
    const id = '0b6c3c1e-6a0e-4c2f-9c39-2a3f7a1e9b10';
    expect(parseCustomerRef(`call-${id}`)).toEqual({ kind: 'call', callId: id });
    expect(parseCustomerRef('%2B919800000001')).toEqual({ kind: 'number', number: '+919800000001' });
    expect(parseCustomerRef('+919800000001')).toEqual({ kind: 'number', number: '+919800000001' });
    expect(parseCustomerRef('919800000001')).toEqual({ kind: 'number', number: '+919800000001' });
    expect(parseCustomerRef('call-nope')).toBeNull();
    expect(parseCustomerRef('')).toBeNull();
    expect(parseCustomerRef('%E0%A4%A')).toBeNull();
    expect(parseCustomerRef('x'.repeat(200))).toBeNull();
    expect(parseCustomerRef('%00')).toBeNull();
    expect(parseCustomerRef('%ED%A0%80')).toBeNull();
    expect(parseCustomerRef('+91\uD800')).toBeNull();
  });
});
