import { defaultWhatsappMessage, describeWindow, serviceWindow } from '@/lib/action-kinds/send-whatsapp/message';
import type { DetailsProps } from '../types';
import { type Json, words } from '../values';

// A WhatsApp action: to whom, why, the words that will go, and the 24-hour service window,
// past which only a pre-approved template may be sent.

export interface WhatsappView {
  number: string | null;
  reason: string | null;
  message: string;
  windowOpen: boolean;
  windowText: string;
}

export function whatsappView(payload: Json, reason: string | null, windowStart: string, now: number, fallbackNumber: string | null): WhatsappView {
  const window = serviceWindow(windowStart, new Date(now));
  const name = typeof payload.name === 'string' ? payload.name : null;
  return {
    number: typeof payload.number === 'string' && payload.number ? payload.number : fallbackNumber,
    reason,
    message: typeof payload.message === 'string' && payload.message ? payload.message : defaultWhatsappMessage(reason, name),
    windowOpen: window.open,
    windowText: describeWindow(window),
  };
}

/** The template picker, in the queue, when the window has closed and something would be sent. */
function TemplatePicker({ template }: { template: NonNullable<DetailsProps['template']> }) {
  return (
    <label className="mt-2 block text-xs text-slate-700">
      Pre-approved template (required past the window)
      <select
        value={template.value}
        disabled={template.disabled}
        onChange={(e) => template.onChange(e.target.value)}
        className="ml-2 rounded border border-slate-300 bg-white px-2 py-1"
      >
        <option value="">Choose…</option>
        {template.templates.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      {template.templates.length === 0 && <span className="ml-2 text-red-700">None configured (WHATSAPP_TEMPLATES)</span>}
    </label>
  );
}

export function WhatsappDetails({ payload, reason, windowStart, now, fallbackNumber, destination, template }: DetailsProps) {
  const view = whatsappView(payload, reason, windowStart, now, fallbackNumber);
  const needsTemplate = template !== undefined && !view.windowOpen && Boolean(destination);
  return (
    <div className="grid gap-3 text-sm md:grid-cols-[1fr_2fr]" data-testid="whatsapp-details">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 self-start">
        <dt className="text-slate-500">To</dt>
        <dd className="font-mono">{view.number ?? <span className="text-red-700">no number</span>}</dd>
        <dt className="text-slate-500">Reason</dt>
        <dd>{view.reason ? words(view.reason) : '—'}</dd>
        <dt className="text-slate-500">Window</dt>
        <dd className={view.windowOpen ? 'text-green-800' : 'text-red-700'} data-testid="service-window">
          {view.windowText}
        </dd>
      </dl>
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-500">{view.windowOpen ? 'Message' : 'Message (only inside the window)'}</p>
        <p className="whitespace-pre-wrap rounded-md bg-emerald-50 px-3 py-2 text-slate-800" data-testid="whatsapp-message">
          {view.message}
        </p>
        {needsTemplate && <TemplatePicker template={template} />}
      </div>
    </div>
  );
}
