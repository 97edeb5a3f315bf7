import { describe, expect, it } from 'vitest';
import { breakdownKeysSchema, breakdownKeysTextSchema } from './schema';

describe('breakdown keys', () => {
  it.each([
    ['one per line, trimmed, blank lines and repeats dropped', ' campaign \r\n\nstore\ncampaign\n', ['campaign', 'store']],
    ['nothing: no key', '  \n', []],
    ['ten is the most', Array.from({ length: 10 }, (_, i) => `k${i}`).join('\n'), Array.from({ length: 10 }, (_, i) => `k${i}`)],
    ['eleven lines that are ten keys', `${Array.from({ length: 10 }, (_, i) => `k${i}`).join('\n')}\nk0`, Array.from({ length: 10 }, (_, i) => `k${i}`)],
  ])('%s', (_, text, keys) => {
    expect(breakdownKeysTextSchema.parse(text)).toEqual(keys);
  });

  it.each([
    ['eleven keys', Array.from({ length: 11 }, (_, i) => `k${i}`), 'At most 10 breakdown keys'],
    ['a key of 101 characters', ['x'.repeat(101)], 'A key is at most 100 characters'],
    ['an empty key', ['campaign', '  '], 'A key cannot be empty'],
  ])('refuses %s', (_, keys, message) => {
    const result = breakdownKeysSchema.safeParse(keys);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
