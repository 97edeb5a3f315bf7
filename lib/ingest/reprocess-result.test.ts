import { describe, expect, it } from 'vitest';
import { addCounts, describeReprocess, emptyCounts, type ReprocessResult } from './reprocess-result';

const result = (change: (r: ReprocessResult) => void): ReprocessResult => {
  const r: ReprocessResult = { scope: { kind: 'all' }, ...emptyCounts(), problems: [] };
  change(r);
  return r;
};

describe('reprocess counts', () => {
  it('add group by group', () => {
    const total = emptyCounts();
    const one = emptyCounts();
    one.deliveries.considered = 3;
    one.calls.updated = 1;
    addCounts(total, one);
    addCounts(total, one);
    expect(total).toMatchObject({ deliveries: { considered: 6, changed: 0, failed: 0 }, calls: { created: 0, updated: 2, removed: 0 } });
  });

  it.each([
    ['nothing to do', result(() => {}), 'Reprocessed 0 deliveries; nothing changed.'],
    [
      'one of each',
      result((r) => {
        r.deliveries = { considered: 1, changed: 1, failed: 1 };
        r.calls.created = 1;
        r.events.inserted = 1;
        r.events.kept = 1;
      }),
      'Reprocessed 1 delivery; 1 call created, 1 event added, 1 delivery re-filed; 1 delivery still failing, left unchanged; 1 stale event kept for decided actions.',
    ],
    [
      'many',
      result((r) => {
        r.deliveries = { considered: 40, changed: 0, failed: 0 };
        r.calls.updated = 3;
        r.events.deleted = 2;
      }),
      'Reprocessed 40 deliveries; 3 calls rebuilt, 2 events dropped.',
    ],
    [
      'only duplicate counts recounted',
      result((r) => {
        r.deliveries = { considered: 9, changed: 0, failed: 0 };
        r.events.updated = 2;
      }),
      'Reprocessed 9 deliveries; 2 events rewritten.',
    ],
  ])('describe: %s', (_name, r, text) => {
    expect(describeReprocess(r)).toBe(text);
  });
});
