import { describe, expect, it } from 'vitest';
import { ago, alertSpan, bellBadge, ruleLabel, safeLink } from './alert-words';

const now = new Date('2026-12-05T12:00:00Z');

describe('alert words', () => {
  it('names the rules, and an unknown one by its name', () => {
    expect(ruleLabel('waiting_approval')).toBe('Waiting for a decision');
    expect(ruleLabel('brand_new_rule')).toBe('brand new rule');
  });

  it('badges the open count', () => {
    expect(bellBadge(0)).toBeNull();
    expect(bellBadge(3)).toBe('3');
    expect(bellBadge(150)).toBe('99+');
  });

  it('says how long an alert has been open, or how long it lasted', () => {
    expect(alertSpan({ openedAt: '2026-12-05T11:18:00Z', resolvedAt: null }, now)).toBe('open for 42 min');
    expect(alertSpan({ openedAt: '2026-12-05T10:00:00Z', resolvedAt: '2026-12-05T11:05:00Z' }, now)).toBe('lasted 1 h 5 min');
  });

  it('says when, relative to now', () => {
    expect(ago('2026-12-05T11:59:30Z', now)).toBe('just now');
    expect(ago('2026-12-05T11:48:00Z', now)).toBe('12 min ago');
    expect(ago('2026-12-05T09:00:00Z', now)).toBe('3 h ago');
  });

  it('follows only links of its own', () => {
    expect(safeLink('/approvals?kind=create_order')).toBe('/approvals?kind=create_order');
    expect(safeLink(null)).toBe('/alerts');
    expect(safeLink('https://evil.example/')).toBe('/alerts');
    expect(safeLink('//evil.example/')).toBe('/alerts');
    expect(safeLink('/\\evil.example/')).toBe('/alerts');
    expect(safeLink('javascript:alert(1)')).toBe('/alerts');
  });
});
