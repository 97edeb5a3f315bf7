import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { Providers } from '@/components/providers';
import { currentActor } from '@/lib/auth/actor';
import { getTeamTimeZone } from '@/lib/queries/settings';
import { LowBalanceBanner } from './analytics/low-balance-banner';

// Every dashboard page is behind sign-in, and this is the check: proxy.ts redirects nothing (it
// only refuses paths that are not UTF-8).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  return (
    <Providers teamTimeZone={await getTeamTimeZone(actor)}>
      <AppHeader actor={actor} />
      <LowBalanceBanner actor={actor} />
      <main className="mx-auto max-w-7xl px-6 py-6">{children}</main>
    </Providers>
  );
}
