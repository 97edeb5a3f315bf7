import type { ReactNode } from 'react';
import { defaultWhatsappMessage, describeWindow, serviceWindow } from '@/lib/action-kinds/send-whatsapp/message';
import { words, type Json } from './view-model';

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

export function WhatsappDetails({ view, children }: { view: WhatsappView; children?: ReactNode }) {
  return (
    <div className="grid gap-3 text-sm md:grid-cols-[1fr_2fr]" data-testid="whatsapp-details">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 self-start">
        <dt className="text-slate-500">To</dt><dd className="font-mono">{view.number ?? <span className="text-red-700">no number</span>}</dd>
        <dt className="text-slate-500">Reason</dt><dd>{view.reason ? words(view.reason) : '—'}</dd>
        <dt className="text-slate-500">Window</dt>
        <dd className={view.windowOpen ? 'text-green-800' : 'text-red-700'} data-testid="service-window">{view.windowText}</dd>
      </dl>
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-500">{view.windowOpen ? 'Message' : 'Message (only inside the window)'}</p>
        <p className="whitespace-pre-wrap rounded-md bg-emerald-50 px-3 py-2 text-slate-800" data-testid="whatsapp-message">{view.message}</p>
        {children}
      </div>
    </div>
  );
}
