import { formatDateTime } from '@/lib/format';
import type { UserListItem } from '@/lib/queries/users';
import { RevokeSessionsButton } from './revoke-sessions-button';
import { RoleForm } from './role-form';

export function UsersTable({ users, currentUserId }: { users: UserListItem[]; currentUserId: string }) {
  if (users.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
        <p className="font-medium">No users yet</p>
        <p className="mt-1 text-sm">Create one above; they sign in with the email and password you give them.</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">Email</th>
            <th className="px-4 py-2">Name</th>
            <th className="px-4 py-2">Role</th>
            <th className="px-4 py-2">Created</th>
            <th className="px-4 py-2">Active sessions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" data-email={user.email} className="align-top hover:bg-slate-50">
              <td className="whitespace-nowrap px-4 py-2">
                {user.email}
                {user.id === currentUserId && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">you</span>}
              </td>
              <td className="px-4 py-2 text-slate-600">{user.name}</td>
              <td className="px-4 py-2"><RoleForm userId={user.id} email={user.email} role={user.role} /></td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatDateTime(user.createdAt)}</td>
              <td className="px-4 py-2">
                <RevokeSessionsButton userId={user.id} email={user.email} sessions={user.activeSessions} self={user.id === currentUserId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
