import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findBadText, isPgText, pgJson, pgText } from './pg-text';

describe('pgText', () => {
  it.each([
    ['plain text', 'Asha, 12 MG Road', true],
    ['a pair of surrogates (an emoji)', 'ok 😀', true],
    ['U+FFFD, what an undecodable URL byte becomes', '\uFFFD', true],
    ['a NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'a\uD800b', false],
    ['a lone high surrogate at the end', 'a\uD800', false],
    ['a lone low surrogate', '\uDC00a', false],
    ['surrogates in the wrong order', '\uDC00\uD800', false],
  ])('%s → %s', (_, value, ok) => {
    expect(isPgText(value)).toBe(ok);
    expect(pgText().trim().min(1).safeParse(value).success).toBe(ok);
  });

  it('finds bad text at any depth, in keys too', () => {
    expect(findBadText({ a: [1, { b: 'x\u0000' }] })).toEqual(['a', 1, 'b']);
    expect(findBadText({ 'k\uD800': 1 })).toEqual(['k\uD800']);
    expect(findBadText({ a: ['fine', null, 3] })).toBeNull();
  });

  it('pgJson names the path of the bad string', () => {
    const schema = z.object({ payload: pgJson(z.record(z.string(), z.unknown())) });
    const result = schema.safeParse({ payload: { extra: { deep: ['\uD800'] } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['payload', 'extra', 'deep', 0]);
  });
});
