import { describe, expect, it } from 'vitest';
import { judgeHealth, type RefusalCause, type TrafficRow } from './health';

const NOW = new Date(Date.UTC(2026, 10, 1, 12));
const row = (over: Partial<TrafficRow>): TrafficRow => ({
  provider: 'mirai',
  last_at: new Date(NOW.getTime() - 60_000),
  total: 0,
  rejected: 0,
  failed: 0,
  recent_total: 0,
  recent_refused: 0,
  usual: 0,
  others: 0,
  ...over,
});
const cause: RefusalCause = { code: 'unsigned_not_allowed', outcome: 'rejected', label: 'no secret configured', count: 1 };

describe('judgeHealth thresholds', () => {
  it('half refused is failing; just under half is degraded', () => {
    expect(judgeHealth(row({ total: 4, recent_total: 4, recent_refused: 2, rejected: 2 }), [cause], NOW).state).toBe('failing');
    expect(judgeHealth(row({ total: 5, recent_total: 5, recent_refused: 2, rejected: 2 }), [cause], NOW).state).toBe('degraded');
  });

  it('judges the last hour when it had deliveries, else the last 24 hours', () => {
    // A secret fixed an hour ago: the day was mostly refused, the last hour is clean.
    expect(judgeHealth(row({ total: 10, rejected: 8, recent_total: 2, recent_refused: 0 }), [cause], NOW)).toMatchObject({
      state: 'healthy',
      judged: { window: '1h' },
    });
    expect(judgeHealth(row({ total: 10, rejected: 8, last_at: new Date(NOW.getTime() - 3 * 3_600_000) }), [cause], NOW)).toMatchObject({
      state: 'failing',
      judged: { window: '24h', deliveries: 10, refused: 8 },
    });
  });

  it('silent needs both a usual rate that predicts 5 or more and another provider speaking', () => {
    const quiet = { last_at: new Date(NOW.getTime() - 5 * 3_600_000), usual: 168, total: 3 };
    expect(judgeHealth(row({ ...quiet, others: 3 }), [], NOW).state).toBe('silent');
    expect(judgeHealth(row({ ...quiet, others: 0 }), [], NOW).state).toBe('healthy');
    expect(judgeHealth(row({ ...quiet, usual: 100, others: 3 }), [], NOW).state).toBe('healthy');
  });

  it('a provider never heard from is idle', () => {
    expect(judgeHealth(undefined, [], NOW)).toMatchObject({ state: 'idle', reason: 'No deliveries yet' });
  });
});
