import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { listCalls } from '@/lib/queries/calls';
import { LatestCallsTable } from './latest-calls-table';

// The latest calls across every provider. A plain server-rendered list for now; the full
// dashboard (filters, detail pages, live updates) builds on the same queries.
export default async function CallsPage() {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  const { calls } = await listCalls(actor, { limit: 50 });
  return (
    <section className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Latest calls</h1>
        <p className="text-sm text-slate-500">{calls.length === 50 ? 'Newest 50' : `${calls.length} calls`}</p>
      </div>
      <LatestCallsTable calls={calls} />
    </section>
  );
}
