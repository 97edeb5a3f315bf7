import Link from 'next/link';
import { type Actor, currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { AppError } from '@/lib/http/errors';
import { providerHealth } from '@/lib/queries/admin/health';
import { listDeliveries } from '@/lib/queries/deliveries/list';
import type { DeliveryFilters as Filters } from '@/lib/schemas/deliveries';
import { DeliveriesTable } from './deliveries-table';
import { DeliveryFilters } from './delivery-filters';
import { HealthSection } from './health-section';
import { deliveriesHref, filterValues, type PageSearchParams, parseFilters } from './search-params';

export const metadata = { title: 'Deliveries · Callboard' };

/** A page of deliveries, or null when the URL's cursor is not one this page made. */
async function loadPage(actor: Actor, filters: Filters | null, now: Date) {
  if (!filters) return null;
  try {
    return await listDeliveries(actor, filters, now);
  } catch (error) {
    if (error instanceof AppError && error.status === 400) return null;
    throw error;
  }
}

// Every webhook request as it arrived, with each provider's health above it. The first paint
// is server-rendered; opening a row fetches its body and headers from /api/deliveries/{id}.
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const params = await searchParams;
  const values = filterValues(params);
  const filters = parseFilters(params);
  const now = new Date();
  const [page, health] = await Promise.all([loadPage(actor, filters, now), providerHealth(actor)]);
  return (
    <section className="space-y-6">
      <h1 className="text-xl font-semibold">Deliveries</h1>
      <HealthSection health={health} now={now} />
      <div className="space-y-3">
        <DeliveryFilters values={values} />
        {page === null || !filters ? (
          <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
            This link&apos;s filters are not valid.{' '}
            <Link href="/deliveries" className="underline">
              Show the newest deliveries
            </Link>
            .
          </div>
        ) : (
          <>
            <DeliveriesTable deliveries={page.deliveries} filtered={Object.keys(values).length > 0} canReprocess={can(actor.role, 'deliveries:reprocess')} />
            <nav aria-label="Delivery pages" className="flex justify-between text-sm">
              {filters.cursor ? (
                <Link href={deliveriesHref(values)} className="text-slate-700 underline">
                  Newest deliveries
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor && (
                <Link href={deliveriesHref(values, page.nextCursor)} className="text-slate-700 underline">
                  Older deliveries
                </Link>
              )}
            </nav>
          </>
        )}
      </div>
    </section>
  );
}
