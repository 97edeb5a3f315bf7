import { describe, expect, it } from 'vitest';
import { exactSum, FAILURE_REASONS, providerFilter, statusColumns } from './shared';

describe('providerFilter', () => {
  it('adds nothing without providers, else one parameter after those already there', () => {
    const params: unknown[] = ['2024-01-01', '2024-01-31'];
    expect(providerFilter({ period: { from: 'a', to: 'b' }, timeZone: 'UTC' }, params)).toBe('');
    expect(providerFilter({ period: { from: 'a', to: 'b' }, timeZone: 'UTC', provider: [] }, params)).toBe('');
    expect(params).toHaveLength(2);
    expect(providerFilter({ period: { from: 'a', to: 'b' }, timeZone: 'UTC', provider: ['mirai', 'atoms'] }, params, 'c.provider')).toBe(
      ' AND c.provider = ANY($3::text[])',
    );
    expect(params).toEqual(['2024-01-01', '2024-01-31', ['mirai', 'atoms']]);
  });
});

describe('statusColumns', () => {
  it('counts each column with the source’s own counter, and every failure reason by name', () => {
    const sql = statusColumns((condition) => `n(${condition})`);
    expect(sql).toContain(`n(status NOT IN ('queued', 'in_progress'))::int AS final_calls`);
    expect(sql).toContain(`n(status IN ('completed', 'voicemail'))::int AS connected`);
    for (const reason of FAILURE_REASONS) expect(sql).toContain(`'${reason}', n(status = '${reason}')`);
  });
});

describe('exactSum', () => {
  it('sums whole numbers below 10^15 as int8 and every other value as numeric, never one twice', () => {
    const whole = 'x = trunc(x) AND abs(x) < 1e15::float8';
    expect(exactSum('x')).toBe(`(coalesce(sum(x::int8) FILTER (WHERE ${whole}), 0) + coalesce(sum(x::numeric) FILTER (WHERE NOT (${whole})), 0))`);
  });
});
