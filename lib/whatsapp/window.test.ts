import { describe, expect, it } from 'vitest';
import { describeWindow, serviceWindow } from './window';

describe('the customer service window', () => {
  it('is not open until the customer writes', () => {
    const never = serviceWindow(null, new Date('2026-11-20T10:00:00Z'));
    expect(never).toMatchObject({ state: 'never_opened', open: false });
    expect(describeWindow(never)).toBe('not opened: the customer has not written');
  });

  it('lasts 24 hours from the last inbound message', () => {
    const last = new Date('2026-11-20T10:00:00Z');
    const open = serviceWindow(last, new Date('2026-11-21T08:55:00Z'));
    expect(open).toMatchObject({ state: 'open', open: true, remainingMs: 65 * 60_000 });
    expect(describeWindow(open)).toBe('open, 1h 5m left');
    expect(serviceWindow(last, new Date('2026-11-21T10:00:00Z')).open).toBe(false);
    expect(describeWindow(serviceWindow(last, new Date('2026-11-21T10:30:00Z')))).toBe('closed 30m ago');
    expect(describeWindow(serviceWindow(last, new Date('2026-11-24T07:00:00Z')))).toBe('closed 2d 21h ago');
  });
});
