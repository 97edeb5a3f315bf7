import { describe, expect, it } from 'vitest';
import { actionsCsv, balanceCsv, seriesCsv } from './csv';

const base = { period: { from: '2026-03-01', to: '2026-03-02' }, timeZone: 'UTC', granularity: 'day' as const };

describe('chart CSV', () => {
  it.each([
    [
      'series: one row per bucket',
      seriesCsv({
        ...base,
        series: ['completed', 'busy'],
        rows: [
          { bucket: '2026-03-01', completed: 2, busy: 0 },
          { bucket: '2026-03-02', completed: 0, busy: 1 },
        ],
      }),
      'bucket,completed,busy\r\n2026-03-01,2,0\r\n2026-03-02,0,1\r\n',
    ],
    [
      'balance: an unknown day stays empty',
      balanceCsv({
        ...base,
        series: ['mirai'],
        rows: [{ bucket: '2026-03-01', mirai: 90 }, { bucket: '2026-03-02' }],
        balance: 90,
        balanceAt: null,
        burn7: 0,
        burn30: 0,
        runOut7: null,
        runOut30: null,
        threshold: null,
        low: false,
      }),
      'bucket,mirai\r\n2026-03-01,90\r\n2026-03-02,\r\n',
    ],
    ['actions', actionsCsv({ period: base.period, timeZone: 'UTC', rows: [{ stage: 'raised', actions: 3 }] }), 'stage,actions\r\nraised,3\r\n'],
  ])('%s', (_, text, expected) => {
    expect(text).toBe(`\uFEFF${expected}`);
  });
});
