import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { PROVIDERS } from '@/lib/providers/registry';
import { AnalyticsView } from './analytics-view';

export const metadata = { title: 'Analytics · Callboard' };

export default async function AnalyticsPage() {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  const providers = Object.values(PROVIDERS).map((p) => ({ id: p.id, label: p.label }));
  return (
    <AnalyticsView
      providers={providers}
      canManageSettings={can(actor.role, 'settings:manage')}
      canReadActions={can(actor.role, 'actions:read')}
    />
  );
}
