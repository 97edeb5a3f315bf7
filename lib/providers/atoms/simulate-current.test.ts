import { describe, expect, it } from 'vitest';
import { generateCalls, type JsonObject, type JsonValue } from '@/simulator/lifecycles';
import { SIM_PROVIDERS } from '@/simulator/sign';
import { ATOMS_CURRENT_OUTCOMES } from './simulate-current';

const now = new Date('2026-08-01T12:00:00Z');
const calls = generateCalls({ count: 120, seed: 3, now, providers: SIM_PROVIDERS });
const at = (value: JsonValue | undefined, ...path: string[]): JsonValue | undefined =>
  path.reduce<JsonValue | undefined>((cur, key) => (cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as JsonObject)[key] : undefined), value);

describe('Atoms current-format lifecycles', () => {
  const current = calls.filter((c) => c.dialect === 'atoms-current');

  it('post to the atoms endpoint and cover every status', () => {
    expect(current.every((c) => c.provider === 'atoms')).toBe(true);
    expect(new Set(current.map((c) => c.outcome))).toEqual(new Set(ATOMS_CURRENT_OUTCOMES));
  });

  it('answered calls send pre, post (with transcript) and analytics; others only pre and post', () => {
    for (const call of current) {
      const types = call.events.map((e) => at(e, 'metadata', 'eventType'));
      expect(types).toEqual(
        call.outcome === 'completed' ? ['pre-conversation', 'post-conversation', 'analytics-completed'] : ['pre-conversation', 'post-conversation'],
      );
      for (const e of call.events) expect(String(e.event)).toBe(`${String(at(e, 'metadata', 'agentId'))}.${String(at(e, 'metadata', 'eventType'))}`);
    }
  });
});
