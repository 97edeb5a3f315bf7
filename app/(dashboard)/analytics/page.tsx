import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { PROVIDERS } from '@/lib/providers/registry';
import { rollupCoverage } from '@/lib/queries/analytics/rollups';
import { AnalyticsView } from './analytics-view';

export const metadata = { title: 'Analytics · Callboard' };

export default async function AnalyticsPage() {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const providers = Object.values(PROVIDERS).map((p) => ({ id: p.id, label: p.label }));
  // The zone and keys the rollups cover: the page says when a chart falls outside them (counted live).
  const rollups = await rollupCoverage(actor);
  return (
    <AnalyticsView
      providers={providers}
      rollups={rollups}
      canManageSettings={can(actor.role, 'settings:manage')}
      canReadActions={can(actor.role, 'actions:read')}
    />
  );
}
