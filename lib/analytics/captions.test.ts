import { describe, expect, it } from 'vitest';
import { timeBasisCaption } from './captions';

describe('timeBasisCaption', () => {
  it('names the time and the zone', () => {
    expect(timeBasisCaption('happened', 'Asia/Kolkata')).toBe('By when the call happened (Asia/Kolkata)');
    expect(timeBasisCaption('reported', 'UTC')).toBe('By when the provider reported them (UTC)');
  });
});
