import { describe, expect, it } from 'vitest';
import { formatWait } from '@/lib/format';
import { fillDecisionBuckets, limitWords } from './decisions';

describe('fillDecisionBuckets', () => {
  it('keeps every bucket in order, empty ones without times', () => {
    const rows = [{ bucket: '2026-03-02', raised: 2, decided: 1, waiting: 1, p50: 60, p90: 60, late: 1 }];
    expect(fillDecisionBuckets(['2026-03-01', '2026-03-02', '2026-03-03'], rows)).toEqual([
      { bucket: '2026-03-01', raised: 0, decided: 0, waiting: 0, p50: null, p90: null, late: 0 },
      rows[0],
      { bucket: '2026-03-03', raised: 0, decided: 0, waiting: 0, p50: null, p90: null, late: 0 },
    ]);
  });

  it('drops a bucket outside the keys', () => {
    expect(fillDecisionBuckets(['2026-03-01'], [{ bucket: '2026-02-28', raised: 1, decided: 1, waiting: 0, p50: 1, p90: 1, late: 0 }])).toHaveLength(1);
  });
});

describe('formatWait', () => {
  it.each([
    [null, '—'],
    [Number.NaN, '—'],
    [0, '0 s'],
    [42.4, '42 s'],
    [59.6, '1 min'],
    [300, '5 min'],
    [3599, '1 h'],
    [5400, '1 h 30 min'],
    [7200, '2 h'],
    [47 * 3600, '47 h'],
    [200_000, '2 d 7 h'],
    [3 * 86_400, '3 d'],
  ])('%s s → %s', (s, words) => expect(formatWait(s)).toBe(words));
});

describe('limitWords', () => {
  it('names the default, then the kinds with their own', () => {
    expect(limitWords({ minutes: 15, byKind: {} })).toBe('15 min');
    expect(limitWords({ minutes: 15, byKind: { send_whatsapp: 5, create_order: 15, mark_prepaid: 90 } })).toBe(
      '15 min (mark prepaid: 1 h 30 min, send whatsapp: 5 min)',
    );
    expect(limitWords({ minutes: 15, byKind: { create_order: 10 } }, () => 'orders')).toBe('15 min (orders: 10 min)');
  });
});
