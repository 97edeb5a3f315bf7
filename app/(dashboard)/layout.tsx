import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { Providers } from '@/components/providers';
import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { actionCounts } from '@/lib/queries/actions/list';
import { getTeamTimeZone } from '@/lib/queries/admin/settings';
import { LowBalanceBanner } from './analytics/low-balance-banner';

// Every dashboard page is behind sign-in, and this is the check: proxy.ts redirects nothing (it
// refuses paths that are not UTF-8 and records the path asked for, so signing in returns to it).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const [teamTimeZone, pending] = await Promise.all([
    getTeamTimeZone(actor),
    can(actor.role, 'actions:read') ? actionCounts(actor).then((counts) => counts.pending) : 0,
  ]);
  return (
    <Providers teamTimeZone={teamTimeZone}>
      <AppHeader actor={actor} pending={pending} />
      <LowBalanceBanner actor={actor} />
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
    </Providers>
  );
}
