import { type ZodError, z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { isPgText, PG_TEXT_MESSAGE, pgText } from './pg-text';

// Inputs of the admin pages (users, API tokens, audit log). The forms use the limits for their
// fields; the server actions validate again, since a form can be bypassed.

/** Better Auth's own limits (lib/auth/auth.ts sets the minimum; 128 is its default maximum). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const userId = z.string({ error: 'Choose a user' }).refine(isPgText, 'Unknown user').trim().min(1, 'Choose a user').max(64, 'Unknown user');
const role = z.enum(ROLES, { error: 'Choose a role: viewer, approver or admin' });

export const createUserSchema = z.object({
  email: z
    .string({ error: 'Enter an email address' })
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter a valid email address').max(254, 'The email address is too long')),
  name: pgText().trim().max(100, 'The name is at most 100 characters').optional(),
  role,
  // Absent means "generate one": the action shows the generated password once.
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `The password needs at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `The password is at most ${PASSWORD_MAX_LENGTH} characters`)
    .optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId, role });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const revokeSessionsSchema = z.object({ userId });

export const createApiTokenSchema = z.object({
  userId,
  name: z
    .string({ error: 'Give the token a name' })
    .refine(isPgText, PG_TEXT_MESSAGE)
    .trim()
    .min(1, 'Give the token a name')
    .max(80, 'The name is at most 80 characters'),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid('Unknown token') });

/** Query parameters of /admin/audit: filters live in the URL so a view can be shared. */
export const auditFiltersSchema = z.object({
  action: z
    .string()
    .regex(/^[a-z0-9_.:-]{1,60}$/, 'Unknown action')
    .optional(),
  cursor: pgText().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** A form's fields as strings; blank fields are left out, so optional fields read as unset. */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  form.forEach((value, key) => {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value;
  });
  return out;
}

/** The messages of a failed parse, for a form to show (they are written for people, not paths). */
export function formError(error: ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.message))].join('. ');
}
