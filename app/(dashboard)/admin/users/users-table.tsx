import { DataTable, EmptyState } from '@/components/data-table';
import { formatDateTime } from '@/lib/format';
import type { UserListItem } from '@/lib/queries/admin/users';
import { RevokeSessionsButton } from './revoke-sessions-button';
import { RoleForm } from './role-form';

export function UsersTable({ users, currentUserId }: { users: UserListItem[]; currentUserId: string }) {
  if (users.length === 0) {
    return <EmptyState title="No users yet">Create one above; they sign in with the email and password you give them.</EmptyState>;
  }
  return (
    <DataTable columns={['Email', 'Name', 'Role', 'Created', 'Active sessions']}>
      {users.map((user) => (
        <tr key={user.id} data-testid="user-row" data-email={user.email} className="align-top hover:bg-slate-50">
          <td className="whitespace-nowrap px-4 py-2">
            {user.email}
            {user.id === currentUserId && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">you</span>}
          </td>
          <td className="px-4 py-2 text-slate-600">{user.name}</td>
          <td className="px-4 py-2">
            <RoleForm userId={user.id} email={user.email} role={user.role} />
          </td>
          <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatDateTime(user.createdAt)}</td>
          <td className="px-4 py-2">
            <RevokeSessionsButton userId={user.id} email={user.email} sessions={user.activeSessions} self={user.id === currentUserId} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
