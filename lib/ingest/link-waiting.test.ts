import { describe, expect, it } from 'vitest';
import { MAX_SUBSET_KEYS, metadataSubsets } from './link-waiting';

describe('metadataSubsets', () => {
  it('every non-empty subset, so a waiting event that echoes any part of the metadata is found', () => {
    expect(metadataSubsets({})).toEqual([]);
    expect(metadataSubsets({ ref: 'r1', campaign: 'cod' })).toEqual([{ ref: 'r1' }, { campaign: 'cod' }, { ref: 'r1', campaign: 'cod' }]);
    expect(metadataSubsets({ a: 1, b: 2, c: 3 })).toHaveLength(7);
    expect(metadataSubsets(Object.fromEntries(Array.from({ length: MAX_SUBSET_KEYS }, (_, i) => [`k${i}`, i])))).toHaveLength(255);
  });

  it('past the limit: the whole, the whole less one key, each key alone', () => {
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const subsets = metadataSubsets(many);
    expect(subsets).toHaveLength(21);
    expect(subsets[0]).toEqual(many);
    expect(subsets).toContainEqual({ k3: 3 });
    expect(Object.keys(subsets[1] ?? {})).toHaveLength(9);
  });
});
