import { notFound } from 'next/navigation';
import { DecidePanel } from '@/components/action-kinds/decide-panel';
import { kindView } from '@/components/action-kinds/registry';
import type { KindContext } from '@/components/action-kinds/types';
import { obj, words } from '@/components/action-kinds/values';
import { ActionStatusBadge } from '@/components/action-status-badge';
import { MessageList } from '@/components/whatsapp/message-list';
import { MessageStateBadge } from '@/components/whatsapp/message-state-badge';
import { SEND_WHATSAPP } from '@/lib/action-kinds/send-whatsapp/id';
import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { pool } from '@/lib/db';
import { destinationLabel, dispatchConfig } from '@/lib/dispatch/config';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { getActionDetail } from '@/lib/queries/actions/detail';
import { listActionMessages } from '@/lib/queries/customers/messages';
import { loadWhatsappTemplates } from '@/lib/whatsapp/templates-store';
import { DispatchControls } from './dispatch-controls';
import { actionLife } from './life';

export const metadata = { title: 'Action · Callboard' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TONE = { neutral: 'bg-slate-400', good: 'bg-status-success', bad: 'bg-status-failure' } as const;

/** The payload as its kind shows it; a kind without a view as JSON. */
function Payload({ kind, ...context }: KindContext & { kind: string }) {
  const view = kindView(kind);
  return view ? <view.Details {...context} /> : <pre className="overflow-x-auto text-xs">{JSON.stringify(context.payload, null, 2)}</pre>;
}

// One action's whole life: the call that raised it, who decided and how, every attempt to send
// it with its answer, and the destination's id for what was created.
export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [action, messages] = await Promise.all([getActionDetail(actor, id), listActionMessages(actor, id)]);
  if (!action) notFound();
  const config = dispatchConfig(env());
  const { currency } = config;
  const life = actionLife(action);
  const { templates } = await loadWhatsappTemplates(pool());
  const common = {
    kind: action.kind,
    reason: action.reason,
    // The customer's WhatsApp service window opens when they write, never at the call.
    lastInboundAt: action.whatsapp?.lastInboundAt ?? null,
    templates,
    templateFacts: action.whatsapp?.facts ?? null,
    fallbackNumber: action.call?.customerNumber ?? null,
    now: Date.now(),
    currency,
  };
  const mayDecide = can(actor.role, 'actions:decide');
  const outbox = action.outbox;
  const view = kindView(action.kind);

  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <a href="/approvals" className="text-sm text-slate-600 underline">
          ← Approvals
        </a>
        <h1 className="text-xl font-semibold">{words(action.kind)}</h1>
        <ActionStatusBadge status={action.status} />
        {action.message && <MessageStateBadge state={action.message.state} failures={action.message.failures} at={action.message.at} />}
        {action.call && (
          <a href={`/calls/${action.call.id}`} className="text-sm text-slate-600 underline">
            Call {action.call.providerCallId}
          </a>
        )}
        {action.customerHref && (
          <a href={action.customerHref} className="text-sm text-slate-600 underline" data-testid="customer-link">
            Customer's page
          </a>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <DecidePanel
            {...common}
            id={action.id}
            status={action.status}
            undoUntil={action.undoUntil?.toISOString() ?? null}
            payload={obj(action.payload)}
            destination={destinationLabel(action.kind, config)}
            mayDecide={mayDecide}
            role={actor.role}
            heading="Decide"
            className="rounded-lg border border-amber-200 bg-amber-50/40 p-4"
          />
          {action.editedPayload && view?.Changes && (
            <section className="space-y-2 rounded-lg border border-amber-200 bg-white p-4">
              <h2 className="font-medium">What the approver changed</h2>
              <view.Changes original={obj(action.payload)} edited={obj(action.editedPayload)} currency={currency} />
            </section>
          )}
          <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-medium">{action.editedPayload ? 'As approved (edited)' : 'Payload'}</h2>
            <Payload {...common} payload={obj(action.editedPayload ?? action.payload)} />
          </section>
          {outbox && view?.showOutbox?.(obj(outbox.payload), obj(action.editedPayload ?? action.payload)) && (
            <section className="space-y-2 rounded-lg border border-emerald-200 bg-white p-4" data-testid="outbox-payload">
              <h2 className="font-medium">{outbox.status === 'sent' ? 'What was sent' : 'What goes out'}</h2>
              <Payload {...common} payload={obj(outbox.payload)} />
            </section>
          )}
          {action.editedPayload && (
            <section className="space-y-2 rounded-lg border border-dashed border-slate-300 bg-white p-4" data-testid="original-payload">
              <h2 className="font-medium">As the agent asked</h2>
              <Payload {...common} payload={obj(action.payload)} />
            </section>
          )}
          {view?.Recover && mayDecide && (
            <view.Recover
              {...common}
              id={action.id}
              payload={obj(action.outbox?.payload ?? action.editedPayload ?? action.payload)}
              status={action.status}
              outboxStatus={outbox?.status ?? null}
              lastError={outbox?.lastError ?? null}
              failures={action.whatsapp?.messageFailures ?? []}
              messageState={action.whatsapp?.messageState ?? null}
              mayDecide={mayDecide}
            />
          )}
          {(action.kind === SEND_WHATSAPP || messages.length > 0) && (
            <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="action-whatsapp">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-medium">WhatsApp</h2>
                <span className="text-xs text-slate-500">The message this action sent, and what the customer wrote after it was raised</span>
              </div>
              <MessageList
                messages={messages}
                empty={action.kind === SEND_WHATSAPP ? 'Nothing sent yet, and no reply from the customer since the action was raised.' : 'No reply yet.'}
              />
            </section>
          )}
          {outbox && (
            <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="dispatch">
              <h2 className="font-medium">Dispatch</h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-slate-500">Destination</dt>
                <dd>{outbox.destination === 'none' ? 'none configured' : words(outbox.destination)}</dd>
                <dt className="text-slate-500">Status</dt>
                <dd data-testid="outbox-status">{words(outbox.status)}</dd>
                <dt className="text-slate-500">Attempts</dt>
                <dd>{outbox.attempts}</dd>
                <dt className="text-slate-500">Idempotency key</dt>
                <dd className="font-mono text-xs" data-testid="idempotency-key">
                  {outbox.id}
                </dd>
                {outbox.responseId && (
                  <>
                    <dt className="text-slate-500">Destination id</dt>
                    <dd className="font-mono text-xs" data-testid="response-id">
                      {outbox.responseId}
                    </dd>
                  </>
                )}
                {outbox.status === 'pending' && (
                  <>
                    <dt className="text-slate-500">Next attempt</dt>
                    <dd>{formatDateTime(outbox.nextAttemptAt)}</dd>
                  </>
                )}
                {outbox.lastError && (
                  <>
                    <dt className="text-slate-500">Last error</dt>
                    <dd className="text-red-700">{outbox.lastError}</dd>
                  </>
                )}
              </dl>
              {can(actor.role, 'actions:decide') && <DispatchControls id={action.id} outboxStatus={outbox.status} />}
            </section>
          )}
        </div>

        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-medium">Life</h2>
          <ol className="space-y-3 text-sm" data-testid="action-life">
            {life.map((event) => (
              <li key={`${event.at.toISOString()} ${event.title}`} className="flex gap-3" data-testid="life-event">
                <span className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${TONE[event.tone]}`} aria-hidden />
                <div>
                  <p className="font-medium">{event.title}</p>
                  <p className="text-xs text-slate-500">
                    <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time>
                  </p>
                  {event.detail && <p className="text-slate-600">{event.detail}</p>}
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </section>
  );
}
