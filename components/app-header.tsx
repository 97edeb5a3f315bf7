import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { signOutAction } from '@/lib/server-actions/sign-out';
import { ActionNotifications } from './alerts/action-notifications';
import { AlertsBell } from './alerts/alerts-bell';
import { HeaderMenu } from './header-menu';
import { PendingBadge } from './pending-badge';

/**
 * `pending`: the approval queue's count when the header was drawn (the badge then polls it). A
 * person who decides also gets the count in the tab's title and, when they ask, a notification
 * of new actions; everyone gets the alerts bell (the API decides which alerts each role sees).
 */
export function AppHeader({ actor, pending }: { actor: Actor; pending: number }) {
  const canDecide = can(actor.role, 'actions:decide');
  const links = [
    { href: '/', label: 'Calls', show: true },
    { href: '/analytics', label: 'Analytics', show: can(actor.role, 'calls:read') },
    { href: '/approvals', label: 'Approvals', show: can(actor.role, 'actions:read') },
    { href: '/deliveries', label: 'Deliveries', show: can(actor.role, 'deliveries:read') },
    { href: '/admin/users', label: 'Users', show: can(actor.role, 'users:manage') },
    { href: '/admin/tokens', label: 'API tokens', show: can(actor.role, 'tokens:manage') },
    { href: '/admin/audit', label: 'Audit log', show: can(actor.role, 'audit:read') },
    { href: '/settings', label: 'Settings', show: can(actor.role, 'settings:manage') },
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <a href="/" className="text-lg font-semibold tracking-tight">
          Callboard
        </a>
        <HeaderMenu>
          {links
            .filter((l) => l.show)
            .map((l) => (
              <a key={l.href} href={l.href} className="hover:text-slate-900">
                {l.label}
                {l.href === '/approvals' && <PendingBadge initial={pending} />}
              </a>
            ))}
        </HeaderMenu>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {canDecide && <ActionNotifications initial={pending} />}
          <AlertsBell canDecide={canDecide} />
          <span className="text-slate-600" data-testid="signed-in-as">
            <span className="hidden sm:inline">{actor.email} </span>
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{actor.role}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="rounded border border-slate-300 px-2 py-1 whitespace-nowrap hover:bg-slate-50">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
