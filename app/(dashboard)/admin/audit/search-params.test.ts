import { describe, expect, it } from 'vitest';
import { auditHref, parseAuditFilters } from './search-params';

describe('audit log page URL', () => {
  it('reads the filter and cursor; an empty form field is no filter', () => {
    expect(parseAuditFilters({ action: 'user.create', cursor: 'abc' })).toMatchObject({ action: 'user.create', cursor: 'abc', limit: 50 });
    expect(parseAuditFilters({ action: '' })).toEqual({ limit: 50 });
  });

  it('refuses an action this page never writes', () => {
    expect(parseAuditFilters({ action: 'DROP TABLE' })).toBeNull();
  });

  it('writes filter and cursor back in a stable order', () => {
    expect(auditHref('user.create', 'abc')).toBe('/admin/audit?action=user.create&cursor=abc');
    expect(auditHref(undefined)).toBe('/admin/audit');
  });
});
