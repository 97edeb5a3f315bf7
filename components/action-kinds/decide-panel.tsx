'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { decideActionAction } from '@/lib/server-actions/decide-action';
import { undoDecisionAction } from '@/lib/server-actions/undo-decision';
import { inputClass } from './edit-shell';
import { kindView } from './registry';
import type { KindContext } from './types';
import type { Json } from './values';

// Approve / Edit / Reject for one action outside the queue: on the action's own page and on the
// page of the call that raised it. The same server action as the queue (one conditional update),
// the kind's own edit form and approve blocker (components/action-kinds/<kind>/view.ts). After a
// decision the page is refreshed from the server, so its status, life and dispatch are the
// stored ones; the receipt stays here, where the buttons were, with Undo while the decision's
// window (APPROVAL_UNDO_SECONDS) is open: nothing is sent before it closes.

export interface DecidePanelProps extends KindContext {
  id: string;
  kind: string;
  /** The stored status: the buttons are offered only while it is pending. */
  status: string;
  /** A stored decision's undo deadline (ISO), so a reload inside the window still offers Undo. */
  undoUntil?: string | null;
  /** Where approving sends it, or null when nothing is configured for its kind. */
  destination: string | null;
  mayDecide: boolean;
  role: string;
  /** The kind's words for the buttons' accessible names ("Approve Order"), when a page has several. */
  label?: string;
  /** A heading above the buttons, and the frame around them (the action page gives both). */
  heading?: string;
  className?: string;
  /** Show the kind's own view of the payload above the buttons (the call page: decide with the facts). */
  details?: boolean;
}

type Open = 'edit' | 'reject' | null;
const button = 'rounded px-3 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-40';

export function DecidePanel(props: DecidePanelProps) {
  const { id, kind, status, destination, templates, mayDecide, role } = props;
  const router = useRouter();
  const view = kindView(kind);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ message: string; undoUntil: string | null } | null>(() =>
    props.status !== 'pending' && props.undoUntil && Date.parse(props.undoUntil) > props.now ? { message: 'Decided.', undoUntil: props.undoUntil } : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [clock, setClock] = useState(props.now);
  const undoBy = receipt?.undoUntil ? Date.parse(receipt.undoUntil) : 0;
  // A second's tick while Undo is offered, for its countdown; none otherwise.
  useEffect(() => {
    if (undoBy <= Date.now()) return;
    setClock(Date.now());
    const timer = setInterval(() => {
      setClock(Date.now());
      if (Date.now() >= undoBy) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [undoBy]);
  const undoLeft = Math.ceil((undoBy - clock) / 1000);
  const context: KindContext = {
    payload: props.payload,
    reason: props.reason,
    lastInboundAt: props.lastInboundAt,
    templates: props.templates,
    templateFacts: props.templateFacts,
    fallbackNumber: props.fallbackNumber,
    now: props.now,
    currency: props.currency,
  };
  // A WhatsApp message outside the customer's window starts with a template chosen.
  const [template, setTemplate] = useState(() => view?.defaultTemplate?.({ ...context, destination }) ?? '');
  const blockerFor = (chosen: string) => view?.approveBlocker?.({ ...context, destination, template: chosen }) ?? null;
  const blocker = blockerFor(template);
  // A template settles it (WhatsApp past the customer's 24-hour window): offer the choice here.
  const templateSettles = blockerFor('') !== null && templates.some((t) => blockerFor(t.name) === null);

  const frame = (content: ReactNode) => (
    <div data-testid="decide" className={`space-y-2 ${props.className ?? ''}`}>
      {props.heading && <h2 className="font-medium">{props.heading}</h2>}
      {content}
    </div>
  );
  if (receipt)
    return frame(
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="text-sm text-slate-700" data-testid="decision-receipt">
          {receipt.message}
          {undoLeft > 0 ? ` Nothing goes out for ${undoLeft} s.` : receipt.undoUntil ? ' It is final.' : ''}
        </p>
        {mayDecide && undoLeft > 0 && (
          <button type="button" disabled={busy} onClick={() => void undo()} className={`${button} border border-slate-300 bg-white hover:bg-slate-50`}>
            Undo
          </button>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>,
    );
  if (status !== 'pending') return null;
  if (!mayDecide) return frame(<p className="text-xs text-slate-500">Approving and rejecting needs the approver or admin role (yours: {role}).</p>);

  async function decide(decision: 'approve' | 'reject', extra: { payload?: Json; note?: string } = {}) {
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set('id', id);
    form.set('decision', decision);
    if (extra.note) form.set('note', extra.note);
    if (extra.payload) form.set('payload', JSON.stringify(extra.payload));
    // An edit carries its own choice (free text or a template with its values).
    if (decision === 'approve' && template && !extra.payload) form.set('template', template);
    const result = await decideActionAction(null, form).catch((failure: unknown) => ({
      ok: false as const,
      error: failure instanceof Error ? failure.message : 'The request failed',
    }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setOpen(null);
    setNotice(null);
    setReceipt({ message: result.message, undoUntil: result.undoUntil });
    router.refresh();
  }

  async function undo() {
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set('id', id);
    const result = await undoDecisionAction(null, form).catch((failure: unknown) => ({
      ok: false as const,
      error: failure instanceof Error ? failure.message : 'The request failed',
    }));
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setReceipt(null);
    setNotice('Undone: it is waiting for a decision again, and nothing was sent.');
    router.refresh();
  }

  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (!reason) return setError('Write why it is rejected: the reason is kept with the decision.');
    void decide('reject', { note: reason });
  }

  const named = (verb: string) => (props.label ? `${verb} ${props.label}` : verb);

  return frame(
    <>
      {notice && (
        <p role="status" className="text-sm text-slate-700" data-testid="decision-receipt">
          {notice}
        </p>
      )}
      {props.details && view && (
        <view.Details
          {...context}
          destination={destination}
          template={templateSettles || template ? { value: template, disabled: busy, onChange: setTemplate } : undefined}
        />
      )}
      {templateSettles && !props.details && (
        <label className="block text-xs text-slate-700">
          Template (the customer has not written in 24 hours: free text cannot go)
          <select value={template} onChange={(e) => setTemplate(e.target.value)} className="ml-2 rounded border border-slate-300 bg-white px-2 py-1">
            <option value="">Choose…</option>
            {templates.map((t) => (
              <option key={`${t.name}:${t.language}`} value={t.name}>
                {t.name} ({t.language})
              </option>
            ))}
          </select>
        </label>
      )}
      {open === null && (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            aria-label={named('Approve')}
            disabled={blocker !== null || busy}
            title={blocker ?? undefined}
            onClick={() => void decide('approve')}
            className={`${button} bg-slate-900 text-white hover:bg-slate-700`}
          >
            Approve
          </button>
          {view && (
            <button
              type="button"
              aria-label={named('Edit')}
              disabled={busy}
              onClick={() => setOpen('edit')}
              className={`${button} border border-slate-300 bg-white hover:bg-slate-50`}
            >
              Edit
            </button>
          )}
          <button
            type="button"
            aria-label={named('Reject')}
            disabled={busy}
            onClick={() => setOpen('reject')}
            className={`${button} border border-slate-300 bg-white hover:bg-slate-50`}
          >
            Reject
          </button>
          <span className="text-xs text-slate-500">
            {destination ? `Approving sends it to ${destination}.` : 'Approving records the decision; nothing is sent.'}
          </span>
          {blocker && <span className="text-xs text-amber-800">{blocker}</span>}
        </div>
      )}
      {open === 'edit' && view && (
        <view.Edit
          {...context}
          destination={destination}
          busy={busy}
          onSubmit={(payload) => void decide('approve', { payload })}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'reject' && (
        <form aria-label="Reject" onSubmit={reject} className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <label className="min-w-56 flex-1 text-xs text-slate-600">
            Reason for rejecting
            {/* biome-ignore lint/a11y/noAutofocus: the form opens on the user's own click, to type the reason at once */}
            <input name="reason" required maxLength={1000} autoFocus className={inputClass} />
          </label>
          <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-600 disabled:opacity-40">
            Reject
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(null);
              setError(null);
            }}
            className="rounded border border-slate-300 px-3 py-1 hover:bg-white"
          >
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </>,
  );
}
