import { describe, expect, it } from 'vitest';
import { hasLexeme, searchTerms } from './search';

describe('searchTerms', () => {
  it.each([
    ['+919876543210', '9876543210'],
    ['919876543210', '9876543210'],
    ['9876543210', '9876543210'],
    ['+91 98765-43210', '9876543210'],
    ['(987) 654-3210', '9876543210'],
    ['+9112345', '9112345'],
  ])('reads %s as a phone number with key %s', (q, key) => {
    expect(searchTerms(q)).toMatchObject({ phoneKey: key, english: false, callId: null });
  });

  it.each([
    ['3210', '3210'],
    ['43210', '43210'],
    ['98765 43210', '9876543210'],
    ['+91 98765 43210', '9876543210'],
  ])('reads %s, the digits people quote, as the number ending %s', (q, key) => {
    expect(searchTerms(q)).toMatchObject({ phoneKey: key, english: false });
  });

  it('does not take fewer than 4 digits, ids or words for phone numbers', () => {
    expect(searchTerms('884').phoneKey).toBeNull();
    expect(searchTerms('call_8f3a2c').phoneKey).toBeNull();
    expect(searchTerms('refund please')).toEqual({ text: 'refund please', english: true, phoneKey: null, callId: null });
  });

  it('recognises a Callboard call id', () => {
    const id = '6F1C2A3B-1111-4222-8333-444455556666';
    expect(searchTerms(` ${id} `)).toEqual({ text: id, english: false, phoneKey: null, callId: id.toLowerCase() });
  });

  it('knows when a value has nothing to index', () => {
    expect(hasLexeme('agent_7')).toBe(true);
    expect(hasLexeme('Ωmega')).toBe(true);
    expect(hasLexeme('--')).toBe(false);
  });
});
