import { describe, expect, it } from 'vitest';
import { auditChangeDetail, formatAuditChange, formatAuditValue } from './format-change';

describe('formatAuditValue', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [{}, ''],
    [{ role: 'admin' }, 'role: admin'],
    [{ sessions: 2, revoked: true, note: null }, 'sessions: 2, revoked: true, note: null'],
    [{ user: { email: 'a@b.c' } }, 'user: {"email":"a@b.c"}'],
    [['a', 1], '["a",1]'],
    ['plain', 'plain'],
    [42, '42'],
  ])('%j reads %j', (value, expected) => {
    expect(formatAuditValue(value)).toBe(expected);
  });

  it('cuts long values with an ellipsis at the limit', () => {
    const text = formatAuditValue({ note: 'x'.repeat(500) }, 20);
    expect(text).toHaveLength(20);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('formatAuditChange', () => {
  it.each([
    [{ role: 'viewer' }, { role: 'admin' }, 'role: viewer → role: admin'],
    [null, { email: 'a@b.c', role: 'viewer' }, 'email: a@b.c, role: viewer'],
    [{ status: 'pending' }, null, 'status: pending'],
    [null, null, '—'],
  ])('%j → %j reads %j', (before, after, expected) => {
    expect(formatAuditChange(before, after)).toBe(expected);
  });
});

describe('auditChangeDetail', () => {
  it('shows both sides in full', () => {
    expect(auditChangeDetail({ role: 'viewer' }, null)).toBe('before: {\n  "role": "viewer"\n}\nafter: null');
  });
});
