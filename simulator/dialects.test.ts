import { describe, expect, it } from 'vitest';
import { generateCalls, type JsonObject, type JsonValue } from './lifecycles';
import { SIM_PROVIDERS } from './sign';

// The newer envelopes: Mirai v2 and Atoms' current format.

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 120, seed: 3, now, providers: SIM_PROVIDERS });
const at = (value: JsonValue | undefined, ...path: string[]): JsonValue | undefined =>
  path.reduce<JsonValue | undefined>((cur, key) => (cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as JsonObject)[key] : undefined), value);

describe('the default mix', () => {
  it('is unchanged by the newer dialects: demo and bench traffic stay the same for a seed', () => {
    const old = generateCalls({ count: 40, seed: 9, now });
    expect(new Set(old.map((c) => c.provider))).toEqual(new Set(['mirai', 'minivoice', 'atoms']));
    expect(old.some((c) => c.dialect)).toBe(false);
  });
});
