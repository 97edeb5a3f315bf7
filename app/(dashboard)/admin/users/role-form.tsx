'use client';
import { useActionState } from 'react';
import { ActionResult } from '@/components/action-result';
import { ROLES, type Role } from '@/lib/auth/roles';
import { type ChangeRoleResult, changeRoleAction } from '@/lib/server-actions/change-role';

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [result, changeRole, pending] = useActionState<ChangeRoleResult | null, FormData>(changeRoleAction, null);
  const selectId = `role-${userId}`;
  return (
    <form action={changeRole} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role for {email}
        </label>
        {/* Keyed by the stored role: after a change (or a refusal) the select shows what the database holds. */}
        <select key={role} id={selectId} name="role" defaultValue={role} className="rounded border border-slate-300 px-2 py-1">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60">
          Change role
        </button>
      </div>
      <ActionResult result={result} />
    </form>
  );
}
