import { describe, expect, it } from 'vitest';
import { auditFiltersSchema, createApiTokenSchema, createUserSchema, formError, formFields } from './users';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

describe('formFields', () => {
  it('leaves blank fields out so optional ones read as unset', () => {
    expect(formFields(form({ email: 'a@b.co', name: '  ', password: '' }))).toEqual({ email: 'a@b.co' });
  });
});

describe('createUserSchema', () => {
  it('normalises the email and treats a blank password as "generate one"', () => {
    const parsed = createUserSchema.parse(formFields(form({ email: '  Ops@Example.COM ', role: 'approver', password: '' })));
    expect(parsed).toEqual({ email: 'ops@example.com', role: 'approver' });
  });

  it.each([
    [{ email: 'not-an-email', role: 'viewer' }, 'Enter a valid email address'],
    [{ role: 'viewer' }, 'Enter an email address'],
    [{ email: 'a@b.co', role: 'owner' }, 'Choose a role: viewer, approver or admin'],
    [{ email: 'a@b.co', role: 'viewer', password: 'short' }, 'The password needs at least 10 characters'],
  ])('refuses %j with a message for people', (fields, message) => {
    const parsed = createUserSchema.safeParse(fields);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(formError(parsed.error)).toBe(message);
  });

  it('keeps a password of exactly 10 characters as typed, spaces included', () => {
    expect(createUserSchema.parse({ email: 'a@b.co', role: 'admin', password: ' 123456789' }).password).toBe(' 123456789');
  });
});

describe('createApiTokenSchema', () => {
  it('needs a name', () => {
    const parsed = createApiTokenSchema.safeParse({ userId: 'u1' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(formError(parsed.error)).toBe('Give the token a name');
  });
});

describe('auditFiltersSchema', () => {
  it('defaults the page size and refuses odd action names', () => {
    expect(auditFiltersSchema.parse({ action: 'role_changed' })).toEqual({ action: 'role_changed', limit: 50 });
    expect(auditFiltersSchema.safeParse({ action: "x' OR 1=1" }).success).toBe(false);
  });
});
