import Link from 'next/link';
import { notFound } from 'next/navigation';
import { words } from '@/components/action-kinds/values';
import { ActionStatusBadge } from '@/components/action-status-badge';
import { EmptyState } from '@/components/data-table';
import { LocalTime, TimeZoneProvider, ZoneNote } from '@/components/local-time';
import { StatusBadge } from '@/components/status-badge';
import { MessageBubble } from '@/components/whatsapp/message-list';
import { MessageStateBadge } from '@/components/whatsapp/message-state-badge';
import { currentActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/roles';
import { redirectToSignIn } from '@/lib/auth/sign-in-redirect';
import { formatDuration } from '@/lib/format';
import { AppError } from '@/lib/http/errors';
import { PROVIDERS } from '@/lib/providers/registry';
import { getTeamTimeZone } from '@/lib/queries/admin/settings';
import { parseCustomerRef } from '@/lib/queries/customers/message-state';
import { type CustomerTimeline, getCustomerTimeline, type TimelineEntry } from '@/lib/queries/customers/timeline';

export const metadata = { title: 'Customer · Callboard' };

// One customer, everything with them in one timeline (newest first): their calls, the actions
// those raised and what became of each message, and the WhatsApp conversation. What none of the
// voice platforms shows. Viewers reach it by a call (/customers/call-<id>) and read it masked.

function windowWords(w: CustomerTimeline['customer']['window']): string {
  if (w.state === 'never_opened') return 'WhatsApp window not opened: the customer has not written, so only a template can be sent';
  if (w.state === 'closed') return 'WhatsApp window closed: only a template can be sent until the customer writes again';
  return 'WhatsApp window open: free text may be sent';
}

function CallEntry({ entry }: { entry: Extract<TimelineEntry, { type: 'call' }> }) {
  const { call } = entry;
  return (
    <Link href={`/calls/${call.id}`} className="block rounded-lg border border-slate-200 bg-white px-3 py-2 hover:bg-slate-50" data-testid="timeline-call">
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="rounded bg-slate-900 px-1.5 py-0.5 text-xs font-medium text-white">Call</span>
        <LocalTime value={entry.at} className="text-slate-700" />
        <span className="text-slate-600">{PROVIDERS[call.provider]?.label ?? call.provider}</span>
        <StatusBadge status={call.status} />
        {call.direction && <span className="text-xs text-slate-500">{call.direction}</span>}
        <span className="text-xs text-slate-500">{formatDuration(call.durationSeconds)}</span>
      </span>
      {call.summary && <span className="mt-1 block text-sm text-slate-700 line-clamp-3">{call.summary}</span>}
    </Link>
  );
}

function ActionEntry({ entry }: { entry: Extract<TimelineEntry, { type: 'action' }> }) {
  const { action } = entry;
  const text = typeof action.payload.message === 'string' ? action.payload.message : null;
  return (
    <Link
      href={`/approvals/${action.id}`}
      className="block rounded-lg border border-amber-200 bg-amber-50/40 px-3 py-2 hover:bg-amber-50"
      data-testid="timeline-action"
    >
      <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-950">Action</span>
        <LocalTime value={entry.at} className="text-slate-700" />
        <span className="font-medium">{words(action.kind)}</span>
        <ActionStatusBadge status={action.status} />
        {action.reason && <span className="text-xs text-slate-600">{words(action.reason)}</span>}
        <MessageStateBadge state={action.messageState} failures={action.messageFailures} at={action.messageStateAt} />
      </span>
      {text && <span className="mt-1 block text-sm text-slate-700 line-clamp-2">{text}</span>}
      {action.lastError && action.messageState !== 'failed' && action.status === 'failed' && (
        <span className="mt-1 block text-xs text-red-700">{action.lastError}</span>
      )}
    </Link>
  );
}

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ number: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const actor = await currentActor();
  if (!actor) return redirectToSignIn();
  const [{ number: segment }, { cursor }] = await Promise.all([params, searchParams]);
  const ref = parseCustomerRef(segment);
  if (!ref) notFound();
  let timeline: CustomerTimeline | null;
  try {
    timeline = await getCustomerTimeline(actor, ref, { cursor: typeof cursor === 'string' ? cursor : undefined });
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_cursor') notFound();
    throw error;
  }
  if (!timeline) notFound();
  const teamZone = await getTeamTimeZone(actor);
  const { customer, entries } = timeline;
  const self = customer.ref ? `/customers/${customer.ref}` : null;

  return (
    <TimeZoneProvider zone={teamZone}>
      <div className="mx-auto max-w-3xl space-y-5">
        <header className="space-y-3" data-testid="customer-header">
          <Link href="/calls" className="text-sm text-slate-600 hover:text-slate-900">
            ← Calls
          </Link>
          <div className="space-y-1">
            <h1 className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xl font-semibold">
              <span>{customer.name ?? 'Customer'}</span>
              <span className="font-mono text-base text-slate-600" data-testid="customer-number">
                {customer.number}
              </span>
            </h1>
            <p className="text-sm text-slate-600">
              {customer.calls} call{customer.calls === 1 ? '' : 's'} · {customer.actions} action{customer.actions === 1 ? '' : 's'} · {customer.messages}{' '}
              WhatsApp message{customer.messages === 1 ? '' : 's'}
              {customer.lastInboundAt && (
                <>
                  {' '}
                  · last wrote <LocalTime value={customer.lastInboundAt} />
                </>
              )}
            </p>
            <p
              className={`inline-block rounded px-2 py-1 text-xs ${customer.window.state === 'open' ? 'bg-emerald-50 text-emerald-900' : 'bg-slate-100 text-slate-700'}`}
              data-testid="customer-window"
              data-state={customer.window.state}
            >
              {windowWords(customer.window)}
              {customer.window.endsAt && customer.window.state === 'open' && (
                <>
                  {' '}
                  until <LocalTime value={customer.window.endsAt} />
                </>
              )}
            </p>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
            <ZoneNote />
            {!can(actor.role, 'personal-data:read') && <span>Names, phone numbers, emails and addresses are masked for your role, wherever they appear.</span>}
          </div>
        </header>

        {entries.length === 0 ? (
          <EmptyState title={cursor ? 'Nothing older' : 'Nothing with this customer yet'}>
            {cursor ? 'This is the start of the timeline.' : 'No call with this number, and no WhatsApp message from or to it.'}
          </EmptyState>
        ) : (
          <ol className="space-y-2" data-testid="customer-timeline" aria-label="Everything with this customer, newest first">
            {entries.map((entry) => (
              <li key={`${entry.type}:${entry.id}`} data-type={entry.type}>
                {entry.type === 'call' && <CallEntry entry={entry} />}
                {entry.type === 'action' && <ActionEntry entry={entry} />}
                {entry.type === 'message' && (
                  <ul>
                    <MessageBubble message={entry.message} />
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        <nav className="flex justify-between text-sm" aria-label="Timeline pages">
          {cursor && self ? (
            <Link href={self} className="text-slate-700 underline">
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {timeline.nextCursor && self && (
            <Link href={`${self}?cursor=${encodeURIComponent(timeline.nextCursor)}`} className="text-slate-700 underline" data-testid="older">
              Older →
            </Link>
          )}
        </nav>
      </div>
    </TimeZoneProvider>
  );
}
