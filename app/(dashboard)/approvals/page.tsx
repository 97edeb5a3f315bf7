import { EmptyState } from '@/components/data-table';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { listActions } from '@/lib/queries/actions';
import { DecisionButtons } from './decision-buttons';

// The queue of actions the agent asked for, oldest first. Issue 6 grows this into the full
// approvals workflow (edit, bulk, dispatch); here a person approves or rejects.
export default async function ApprovalsPage() {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  const actions = await listActions(actor, { status: 'pending', limit: 100 });
  const mayDecide = can(actor.role, 'actions:decide');
  return (
    <section className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Approvals</h1>
        <p className="text-sm text-slate-500">{actions.length} pending</p>
      </div>
      {!mayDecide && (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You can see the queue; approving and rejecting needs the approver or admin role.
        </p>
      )}
      {actions.length === 0 ? (
        <EmptyState title="Nothing is waiting for a decision" />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {actions.map((a) => (
            <li key={a.id} data-testid="pending-action" data-action-id={a.id} className="flex flex-wrap items-center gap-4 px-4 py-3 text-sm">
              <span className="font-medium">{a.kind.replace(/_/g, ' ')}</span>
              {a.reason && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{a.reason.replace(/_/g, ' ')}</span>}
              <span className="font-mono text-xs text-slate-600">{a.call?.customerNumber ?? '—'}</span>
              <span className="text-slate-500">{a.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</span>
              <div className="ml-auto">
                <DecisionButtons id={a.id} disabledReason={mayDecide ? null : `Your role (${actor.role}) cannot decide actions`} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
