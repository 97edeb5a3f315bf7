import { describe, expect, it } from 'vitest';
import { newActionsNotice, titleWithCount } from './pending-title';

describe('titleWithCount', () => {
  it('puts the count in front, once', () => {
    expect(titleWithCount('Approvals · Callboard', 3)).toBe('(3) Approvals · Callboard');
    expect(titleWithCount('(3) Approvals · Callboard', 4)).toBe('(4) Approvals · Callboard');
    expect(titleWithCount('(99+) Calls · Callboard', 0)).toBe('Calls · Callboard');
    expect(titleWithCount('Calls · Callboard', 150)).toBe('(99+) Calls · Callboard');
  });

  it('leaves a title that merely starts with a bracket alone', () => {
    expect(titleWithCount('(draft) notes', 0)).toBe('(draft) notes');
  });
});

describe('newActionsNotice', () => {
  it('says nothing about the first count, a fall, or no change', () => {
    expect(newActionsNotice(null, 5)).toBeNull();
    expect(newActionsNotice(5, 4)).toBeNull();
    expect(newActionsNotice(5, 5)).toBeNull();
  });

  it('counts what arrived', () => {
    expect(newActionsNotice(4, 5)).toEqual({ title: 'A new action to decide', body: '5 pending in Callboard. Open Approvals to decide.' });
    expect(newActionsNotice(0, 3)?.title).toBe('3 new actions to decide');
  });
});
