import 'server-only';
import type { ZodType } from 'zod';
import { type Actor, requireCurrentActor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/roles';
import { toAppError } from '@/lib/http/errors';
import { formError, formFields } from '@/lib/schemas/users';

// The one shell of a server action (a form's useActionState): the permission, the form's input
// parsed by a schema, and a result the form can show. Expected refusals (401, 403, 404, 409, a bad
// field) carry a message written for people; anything else is logged here and reaches the form
// as the generic message of a 500.

export type ActionResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

export interface ActionOptions<I> {
  permission: Permission;
  /** The input; a failed parse answers `{ ok: false, error }` with the schema's own messages. */
  input: ZodType<I>;
  /** What the schema reads from the form; by default its non-blank text fields. */
  fields?: (form: FormData) => unknown;
}

export interface ActionInput<I> {
  actor: Actor;
  input: I;
  form: FormData;
}

export function guardedAction<I, T extends object>(
  options: ActionOptions<I>,
  run: (input: ActionInput<I>) => Promise<T>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  return async (_previous, form) => {
    try {
      const actor = await requireCurrentActor(options.permission);
      const parsed = options.input.safeParse((options.fields ?? formFields)(form));
      if (!parsed.success) return { ok: false, error: formError(parsed.error) };
      return { ok: true, ...(await run({ actor, input: parsed.data, form })) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.status >= 500) console.error(error);
      return { ok: false, error: appError.message };
    }
  };
}
