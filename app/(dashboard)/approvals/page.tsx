import { kindView } from '@/components/action-kinds/registry';
import { ACTION_KINDS } from '@/lib/action-kinds/registry';
import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { pool } from '@/lib/db';
import { destinationLabel, dispatchConfig } from '@/lib/dispatch/config';
import { env } from '@/lib/env';
import { commonRejectReasons } from '@/lib/queries/actions/common-reasons';
import { actionCounts, listActions, listNeedingAttention, listRecentDecisions } from '@/lib/queries/actions/list';
import { loadWhatsappTemplates } from '@/lib/whatsapp/templates-store';
import { ApprovalsQueue } from './approvals-queue';
import { DecisionsTable } from './decisions-table';
import type { QueueSettings } from './queue-settings';

export const metadata = { title: 'Approvals · Callboard' };

type View = 'queue' | 'attention' | 'decided';
const VIEWS: { view: View; label: string }[] = [
  { view: 'queue', label: 'Pending' },
  { view: 'attention', label: 'Needs attention' },
  { view: 'decided', label: 'Decided' },
];

// Everything the agent asked to do, waiting for a person: the queue (oldest first), what failed
// or needs checking after approval, and the latest decisions.
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const { view: requested } = await searchParams;
  const view: View = requested === 'attention' || requested === 'decided' ? requested : 'queue';
  const config = dispatchConfig(env());
  const settings: QueueSettings = {
    mayDecide: can(actor.role, 'actions:decide'),
    role: actor.role,
    destinations: Object.fromEntries(ACTION_KINDS.map((kind) => [kind.id, destinationLabel(kind.id, config)])),
    templates: (await loadWhatsappTemplates(pool())).templates,
    currency: config.currency,
  };
  // Kinds this server sends nowhere: approving one records the decision only.
  const unsent = ACTION_KINDS.filter((kind) => !settings.destinations[kind.id]).map(
    (kind) => kindView(kind.id)?.notConfigured ?? `Nothing is configured to send ${kind.words}.`,
  );
  const counts = await actionCounts(actor);
  const tabCount: Record<View, number | null> = { queue: counts.pending, attention: counts.attention, decided: null };

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Approvals</h1>
        <nav aria-label="Approval views" className="flex gap-1 text-sm">
          {VIEWS.map((v) => (
            <a
              key={v.view}
              href={v.view === 'queue' ? '/approvals' : `/approvals?view=${v.view}`}
              aria-current={v.view === view ? 'page' : undefined}
              className={`rounded px-3 py-1 ${v.view === view ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              {v.label}
              {tabCount[v.view] !== null && ` (${tabCount[v.view]})`}
            </a>
          ))}
        </nav>
      </div>
      {!settings.mayDecide && (
        <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You can see the queue; approving and rejecting needs the approver or admin role.
        </p>
      )}
      {settings.mayDecide && view === 'queue' && unsent.length > 0 && (
        <p className="rounded border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600" data-testid="not-configured">
          {unsent.join(' ')}
        </p>
      )}
      {view === 'queue' && (
        <ApprovalsQueue
          initial={await listActions(actor, { status: 'pending', limit: 100 })}
          settings={settings}
          renderedAt={Date.now()}
          reasons={settings.mayDecide ? await commonRejectReasons(actor) : []}
          pendingTotal={counts.pending}
        />
      )}
      {view === 'attention' && <DecisionsTable items={await listNeedingAttention(actor)} empty="Nothing failed or needs checking" />}
      {view === 'decided' && <DecisionsTable items={await listRecentDecisions(actor)} empty="Nothing has been decided yet" />}
    </section>
  );
}
