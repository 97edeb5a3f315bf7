'use client';
import { memo } from 'react';
import { kindView } from '@/components/action-kinds/registry';
import type { KindContext } from '@/components/action-kinds/types';
import { type Json, words } from '@/components/action-kinds/values';
import { RepliedBadge } from '@/components/whatsapp/replied-badge';
import type { ActionListItem } from '@/lib/queries/actions/list';
import type { QueueSettings } from './queue-settings';
import { RejectForm } from './reject-form';
import { customerOf, formatAge } from './view-model';

// One pending action in the queue: who, what, why, how old, where it will go, and the buttons.
// State lives in the queue (one open form at a time, keyboard focus), so shortcuts reach it.

export type OpenForm = 'edit' | 'reject' | null;

/** What a card can ask of the queue; one stable object for every card, so a card redraws only when its own props change. */
export interface CardActions {
  template: (id: string, template: string) => void;
  select: (id: string, selected: boolean) => void;
  focus: (id: string) => void;
  form: (id: string, form: OpenForm) => void;
  approve: (id: string, payload?: Json) => void;
  reject: (id: string, reason: string) => void;
}

export interface CardProps {
  item: ActionListItem;
  settings: QueueSettings;
  now: number;
  /** The customer as the call's actions name them (a message may not, the order beside it does). */
  customerName: string | null;
  reasons: string[];
  focused: boolean;
  selected: boolean;
  form: OpenForm;
  busy: boolean;
  error: string | null;
  template: string;
  actions: CardActions;
}

const button = 'rounded px-3 py-1 disabled:cursor-not-allowed disabled:opacity-40';

/** What the kind's views are told about this action in the queue. */
export function kindContext(item: ActionListItem, settings: QueueSettings, now: number): KindContext {
  return {
    payload: item.payload,
    reason: item.reason,
    lastInboundAt: item.whatsapp?.lastInboundAt ?? null,
    templates: settings.templates,
    templateFacts: item.whatsapp?.facts ?? null,
    fallbackNumber: item.call?.customerNumber ?? null,
    now,
    currency: settings.currency,
  };
}

/** The template chosen for this action: the approver's pick, else what its kind starts with (WhatsApp outside the window: the first). */
export function chosenTemplate(item: ActionListItem, settings: QueueSettings, picked: string | undefined, now: number): string {
  if (picked !== undefined) return picked;
  const start = kindView(item.kind)?.defaultTemplate;
  return start ? start({ ...kindContext(item, settings, now), destination: settings.destinations[item.kind] ?? null }) : '';
}

/** Why Approve is unavailable, or null. Shared with the keyboard shortcut and bulk approve. */
export function approveBlocker(item: ActionListItem, settings: QueueSettings, template: string, now: number): string | null {
  if (!settings.mayDecide) return `Your role (${settings.role}) cannot decide actions`;
  const blocker = kindView(item.kind)?.approveBlocker;
  return blocker ? blocker({ ...kindContext(item, settings, now), destination: settings.destinations[item.kind] ?? null, template }) : null;
}

export const ActionCard = memo(function ActionCard(props: CardProps) {
  const { item, settings, now, form, busy, actions } = props;
  const own = customerOf(item);
  const customer = { name: own.name ?? props.customerName, number: own.number };
  const destination = settings.destinations[item.kind] ?? null;
  const kind = kindView(item.kind);
  const editable = kind !== null;
  const blocker = approveBlocker(item, settings, props.template, now);
  const context = kindContext(item, settings, now);
  const label = kind?.label ?? words(item.kind);

  return (
    <li
      data-testid="pending-action"
      data-action-id={item.id}
      aria-current={props.focused ? 'true' : undefined}
      // Focus landing in a card makes it the row the shortcuts act on (use-queue-keys.ts; j/k move
      // it too): Tab onto any of its controls, or a click anywhere on it (tabIndex -1 takes the
      // click's focus without adding a tab stop). Its decision buttons leave the current row be.
      tabIndex={-1}
      onFocus={(e) => {
        if (!props.focused && !(e.target as Element).closest('[data-decision-buttons]')) actions.focus(item.id);
      }}
      className={`space-y-3 px-4 py-3 focus:outline-none ${props.focused ? 'bg-sky-50/60 ring-2 ring-inset ring-sky-300' : ''}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <input
          type="checkbox"
          aria-label={`Select ${kind?.label ?? item.kind} for ${customer.name ?? customer.number ?? 'customer'}`}
          checked={props.selected}
          disabled={!settings.mayDecide}
          onChange={(e) => actions.select(item.id, e.target.checked)}
        />
        <span className="rounded bg-slate-900 px-1.5 py-0.5 text-xs font-medium text-white">{label}</span>
        <span className="font-medium">{customer.name ?? 'Unknown customer'}</span>
        <span className="font-mono text-xs text-slate-600">{customer.number ?? '—'}</span>
        {item.reason && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{words(item.reason)}</span>}
        <RepliedBadge replies={item.replies} />
        <span className="text-xs text-slate-500" title={item.createdAt}>
          waiting {formatAge(item.createdAt, now)}
        </span>
        <span className="text-xs text-slate-500">{destination ? `→ ${destination}` : editable ? 'not sent: no destination configured' : 'recorded only'}</span>
        <a href={`/approvals/${item.id}`} className="text-xs text-slate-600 underline">
          History
        </a>
        {form === null && (
          <div className="ml-auto flex gap-2" data-decision-buttons>
            <button
              type="button"
              disabled={blocker !== null || busy}
              title={blocker ?? 'Approve (a)'}
              onClick={() => actions.approve(item.id)}
              className={`${button} bg-slate-900 text-white hover:bg-slate-700`}
            >
              Approve
            </button>
            {editable && (
              <button
                type="button"
                disabled={!settings.mayDecide || busy}
                title="Edit, then approve (e)"
                onClick={() => actions.form(item.id, 'edit')}
                className={`${button} border border-slate-300 hover:bg-slate-50`}
              >
                Edit
              </button>
            )}
            <button
              type="button"
              disabled={!settings.mayDecide || busy}
              title={settings.mayDecide ? 'Reject (r)' : `Your role (${settings.role}) cannot decide actions`}
              onClick={() => actions.form(item.id, 'reject')}
              className={`${button} border border-slate-300 hover:bg-slate-50`}
            >
              Reject
            </button>
          </div>
        )}
      </div>

      {kind ? (
        <kind.Details
          {...context}
          destination={destination}
          template={{ value: props.template, disabled: !settings.mayDecide, onChange: (t) => actions.template(item.id, t) }}
        />
      ) : (
        <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(item.payload, null, 2)}</pre>
      )}

      {form === 'edit' && kind && (
        <kind.Edit
          {...context}
          destination={destination}
          busy={busy}
          onSubmit={(p) => actions.approve(item.id, p)}
          onCancel={() => actions.form(item.id, null)}
        />
      )}
      {form === 'reject' && (
        <RejectForm busy={busy} reasons={props.reasons} onSubmit={(reason) => actions.reject(item.id, reason)} onCancel={() => actions.form(item.id, null)} />
      )}
      {props.error && (
        <p role="alert" className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </li>
  );
});
