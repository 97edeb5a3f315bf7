import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { listUsers } from '@/lib/queries/admin/users';
import { ForbiddenNotice } from '../forbidden-notice';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';

export const metadata = { title: 'Users · Callboard' };

// Admins create users, change roles and sign people out. Role changes apply on the next request:
// the role is read from the database with every session.
export default async function UsersPage() {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  if (!can(actor.role, 'users:manage')) return <ForbiddenNotice actor={actor} permission="users:manage" title="User management" />;
  const users = await listUsers(actor);
  return (
    <section className="space-y-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="text-sm text-slate-500">{users.length === 1 ? '1 user' : `${users.length} users`}</p>
      </div>
      <CreateUserForm />
      <UsersTable users={users} currentUserId={actor.userId} />
    </section>
  );
}
