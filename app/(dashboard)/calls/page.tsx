import type { SearchParams } from 'nuqs/server';
import { type Actor, currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { apiSearchParams, CALLS_PAGE_SIZE, type CallView, loadCallView } from '@/lib/call-view-filters';
import type { InitialCalls } from '@/lib/hooks/use-calls';
import { PROVIDERS } from '@/lib/providers/registry';
import { getTeamTimeZone } from '@/lib/queries/admin/settings';
import { listCalls } from '@/lib/queries/calls/list';
import { type CallsPageJson, callFiltersSchema } from '@/lib/schemas/calls';
import { CallsView } from './calls-view';

export const metadata = { title: 'Calls · Callboard' };

/**
 * The first page, read here so the list paints with the HTML. Skipped when the browser would ask
 * for something else anyway: days in its own zone, which the server cannot know.
 */
async function firstPage(actor: Actor, view: CallView, teamTimeZone: string | null): Promise<InitialCalls | null> {
  const query = apiSearchParams(view, teamTimeZone ?? 'UTC');
  if (query.has('tz') && !teamTimeZone) return null;
  try {
    const page = await listCalls(actor, callFiltersSchema.parse({ ...Object.fromEntries(query), limit: CALLS_PAGE_SIZE }));
    return { query: query.toString(), page: JSON.parse(JSON.stringify(page)) as CallsPageJson };
  } catch (error) {
    // The browser asks again and shows the error state with a retry; the page still renders.
    console.error(error);
    return null;
  }
}

export default async function CallsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const view = await loadCallView(searchParams);
  const initial = await firstPage(actor, view, await getTeamTimeZone(actor));
  const providers = Object.values(PROVIDERS).map((p) => ({ id: p.id, label: p.label }));
  return <CallsView initial={initial} providers={providers} canManageSettings={can(actor.role, 'settings:manage')} />;
}
