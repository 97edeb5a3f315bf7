import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { AlertsView } from './alerts-view';
import { loadAlertsView } from './search-params';

export const metadata = { title: 'Alerts · Callboard' };

// What needs a person, open and resolved: when each opened, for how long, who acknowledged it.
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const { state } = loadAlertsView(await searchParams);
  return <AlertsView state={state} canDecide={can(actor.role, 'actions:decide')} />;
}
