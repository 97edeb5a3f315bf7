'use client';
import type { ActionListItem } from '@/lib/queries/actions/list';
import { EditOrderForm, EditWhatsappForm, RejectForm } from './edit-forms';
import { OrderDetails } from './order-details';
import type { QueueSettings } from './queue-settings';
import { customerOf, formatAge, words, type Json } from './view-model';
import { WhatsappDetails, whatsappView } from './whatsapp-details';

// One pending action in the queue: who, what, why, how old, where it will go, and the buttons.
// State lives in the queue (one open form at a time, keyboard focus), so shortcuts reach it.

export type OpenForm = 'edit' | 'reject' | null;

export interface CardProps {
  item: ActionListItem;
  settings: QueueSettings;
  now: number;
  focused: boolean;
  selected: boolean;
  form: OpenForm;
  busy: boolean;
  error: string | null;
  template: string;
  onTemplate: (template: string) => void;
  onSelect: (selected: boolean) => void;
  onFocus: () => void;
  onForm: (form: OpenForm) => void;
  onApprove: (payload?: Json) => void;
  onReject: (reason: string) => void;
}

const KIND_LABEL: Record<string, string> = { create_order: 'Order', send_whatsapp: 'WhatsApp' };
const button = 'rounded px-3 py-1 disabled:cursor-not-allowed disabled:opacity-40';

/** Why Approve is unavailable, or null. Shared with the keyboard shortcut and bulk approve. */
export function approveBlocker(item: ActionListItem, settings: QueueSettings, template: string, now: number): string | null {
  if (!settings.mayDecide) return `Your role (${settings.role}) cannot decide actions`;
  if (item.kind !== 'send_whatsapp' || !settings.destinations.send_whatsapp) return null;
  const view = whatsappView(item.payload, item.reason, item.call?.endedAt ?? item.createdAt, now, item.call?.customerNumber ?? null);
  return !view.windowOpen && !template ? 'The 24-hour window has closed: choose a pre-approved template' : null;
}

export function ActionCard(props: CardProps) {
  const { item, settings, now, form, busy } = props;
  const customer = customerOf(item);
  const destination = settings.destinations[item.kind];
  const editable = item.kind === 'create_order' || item.kind === 'send_whatsapp';
  const blocker = approveBlocker(item, settings, props.template, now);
  const view = item.kind === 'send_whatsapp' ? whatsappView(item.payload, item.reason, item.call?.endedAt ?? item.createdAt, now, item.call?.customerNumber ?? null) : null;
  const needsTemplate = view !== null && !view.windowOpen && Boolean(destination);

  return (
    <li
      data-testid="pending-action"
      data-action-id={item.id}
      aria-current={props.focused ? 'true' : undefined}
      onClick={props.onFocus}
      className={`space-y-3 px-4 py-3 ${props.focused ? 'bg-sky-50/60 ring-2 ring-inset ring-sky-300' : ''}`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <input type="checkbox" aria-label={`Select ${KIND_LABEL[item.kind] ?? item.kind} for ${customer.name ?? customer.number ?? 'customer'}`} checked={props.selected} disabled={!settings.mayDecide} onChange={(e) => props.onSelect(e.target.checked)} />
        <span className="rounded bg-slate-900 px-1.5 py-0.5 text-xs font-medium text-white">{KIND_LABEL[item.kind] ?? words(item.kind)}</span>
        <span className="font-medium">{customer.name ?? 'Unknown customer'}</span>
        <span className="font-mono text-xs text-slate-600">{customer.number ?? '—'}</span>
        {item.reason && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{words(item.reason)}</span>}
        {item.callId && <a href={`/calls/${item.callId}`} className="text-xs text-slate-600 underline">Call {item.call?.providerCallId ?? ''}</a>}
        <span className="text-xs text-slate-500" title={item.createdAt}>waiting {formatAge(item.createdAt, now)}</span>
        <span className="text-xs text-slate-500">{destination ? `→ ${destination}` : editable ? 'not sent: no destination configured' : 'recorded only'}</span>
        <a href={`/approvals/${item.id}`} className="text-xs text-slate-600 underline">History</a>
        {form === null && (
          <div className="ml-auto flex gap-2" onClick={(e) => e.stopPropagation()}>
            <button type="button" disabled={blocker !== null || busy} title={blocker ?? 'Approve (a)'} onClick={() => props.onApprove()} className={`${button} bg-slate-900 text-white hover:bg-slate-700`}>Approve</button>
            {editable && <button type="button" disabled={!settings.mayDecide || busy} title="Edit, then approve (e)" onClick={() => props.onForm('edit')} className={`${button} border border-slate-300 hover:bg-slate-50`}>Edit</button>}
            <button type="button" disabled={!settings.mayDecide || busy} title={settings.mayDecide ? 'Reject (r)' : `Your role (${settings.role}) cannot decide actions`} onClick={() => props.onForm('reject')} className={`${button} border border-slate-300 hover:bg-slate-50`}>Reject</button>
          </div>
        )}
      </div>

      {item.kind === 'create_order' && <OrderDetails payload={item.payload} currency={settings.currency} />}
      {view && (
        <WhatsappDetails view={view}>
          {needsTemplate && (
            <label className="mt-2 block text-xs text-slate-700">
              Pre-approved template (required past the window)
              <select value={props.template} disabled={!settings.mayDecide} onChange={(e) => props.onTemplate(e.target.value)} className="ml-2 rounded border border-slate-300 bg-white px-2 py-1">
                <option value="">Choose…</option>
                {settings.templates.map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
              {settings.templates.length === 0 && <span className="ml-2 text-red-700">None configured (WHATSAPP_TEMPLATES)</span>}
            </label>
          )}
        </WhatsappDetails>
      )}
      {!editable && <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(item.payload, null, 2)}</pre>}

      {form === 'edit' && item.kind === 'create_order' && <EditOrderForm payload={item.payload} currency={settings.currency} busy={busy} onSubmit={(p) => props.onApprove(p)} onCancel={() => props.onForm(null)} />}
      {form === 'edit' && view && <EditWhatsappForm payload={{ ...item.payload, number: view.number ?? '' }} message={view.message} busy={busy} onSubmit={(p) => props.onApprove(p)} onCancel={() => props.onForm(null)} />}
      {form === 'reject' && <RejectForm busy={busy} onSubmit={props.onReject} onCancel={() => props.onForm(null)} />}
      {props.error && <p role="alert" className="text-sm text-red-700">{props.error}</p>}
    </li>
  );
}
