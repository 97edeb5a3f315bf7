import { describe, expect, it } from 'vitest';
import { generateCalls, type JsonObject, type JsonValue } from './lifecycles';
import { SIM_PROVIDERS } from './sign';
import { ATOMS_CURRENT_OUTCOMES, MIRAI_V2_OUTCOMES } from './types';

// The newer envelopes: Mirai v2 and Atoms' current format.

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

describe('Atoms current-format lifecycles', () => {
  const current = calls.filter((c) => c.dialect === 'atoms-current');

  it('post to the atoms endpoint and cover every status', () => {
    expect(current.every((c) => c.provider === 'atoms')).toBe(true);
    expect(new Set(current.map((c) => c.outcome))).toEqual(new Set(ATOMS_CURRENT_OUTCOMES));
  });

  it('answered calls send pre, post (with transcript) and analytics; others only pre and post', () => {
    for (const call of current) {
      const types = call.events.map((e) => at(e, 'metadata', 'eventType'));
      expect(types).toEqual(call.outcome === 'completed' ? ['pre-conversation', 'post-conversation', 'analytics-completed'] : ['pre-conversation', 'post-conversation']);
      for (const e of call.events) expect(String(e.event)).toBe(`${String(at(e, 'metadata', 'agentId'))}.${String(at(e, 'metadata', 'eventType'))}`);
    }
  });
});

describe('the default mix', () => {
  it('is unchanged by the newer dialects: demo and bench traffic stay the same for a seed', () => {
    const old = generateCalls({ count: 40, seed: 9, now });
    expect(new Set(old.map((c) => c.provider))).toEqual(new Set(['mirai', 'minivoice', 'atoms']));
    expect(old.some((c) => c.dialect)).toBe(false);
  });
});
