import { describe, expect, it } from 'vitest';
import { generateCalls, type JsonObject, type JsonValue } from '@/simulator/lifecycles';
import { SIM_PROVIDERS } from '@/simulator/sign';
import { MIRAI_V2_OUTCOMES } from './simulate';

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 120, seed: 3, now, providers: SIM_PROVIDERS });
const at = (value: JsonValue | undefined, ...path: string[]): JsonValue | undefined =>
  path.reduce<JsonValue | undefined>((cur, key) => (cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as JsonObject)[key] : undefined), value);

describe('Mirai v2 lifecycles', () => {
  const v2 = calls.filter((c) => c.provider === 'mirai-v2');

  it('cover every outcome, each event with its own id', () => {
    expect(new Set(v2.map((c) => c.outcome))).toEqual(new Set(MIRAI_V2_OUTCOMES));
    const ids = v2.flatMap((c) => c.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('end with exactly one terminal event, and a processed transcript after a completed call', () => {
    for (const call of v2) {
      const types = call.events.map((e) => e.type);
      expect(types.filter((t) => ['call.completed', 'call.voicemail', 'call.failed', 'call.aborted'].includes(String(t)))).toHaveLength(1);
      if (call.outcome === 'answered') expect(at(call.events.at(-1), 'data', 'transcript', 'status')).toBe('ready');
    }
  });
});
