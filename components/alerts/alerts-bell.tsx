'use client';
import { type CSSProperties, useEffect, useId, useRef, useState } from 'react';
import { type AlertJson, useOpenAlerts } from '@/lib/hooks/use-alerts';
import { NotifyToggle } from './action-notifications';
import { ago, bellBadge, ruleLabel, safeLink } from './alert-words';
import { SeverityBadge } from './severity-badge';

// The bell in the header: how many alerts are open (polled every 30 s and on coming back to the
// tab), and on a click the open ones, each linking to the thing itself. For a person who
// decides, the switch for new-action notifications sits here too.

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-5 w-5">
      <path d="M10 2a5 5 0 0 0-5 5v2.6c0 .5-.2 1-.5 1.4L3.3 12.6A1 1 0 0 0 4.1 14h11.8a1 1 0 0 0 .8-1.4L15.5 11a2.3 2.3 0 0 1-.5-1.4V7a5 5 0 0 0-5-5Zm-2.4 13a2.5 2.5 0 0 0 4.8 0H7.6Z" />
    </svg>
  );
}

function AlertItem({ alert, now }: { alert: AlertJson; now: Date }) {
  return (
    <li>
      <a
        href={safeLink(alert.link)}
        className="block rounded px-2 py-2 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
        data-testid="bell-alert"
      >
        <span className="flex items-start gap-2">
          <SeverityBadge severity={alert.severity} />
          <span className="min-w-0 text-sm text-slate-900">{alert.title}</span>
        </span>
        <span className="mt-0.5 block text-xs text-slate-500">
          {ruleLabel(alert.rule)} · opened {ago(alert.openedAt, now)}
          {alert.acknowledgedBy ? ` · acknowledged by ${alert.acknowledgedBy}` : ''}
        </span>
      </a>
    </li>
  );
}

export function AlertsBell({ canDecide }: { canDecide: boolean }) {
  const { data, error } = useOpenAlerts();
  const [open, setOpen] = useState(false);
  /** Where the panel starts on a phone (it spans the screen there, just below the bell). */
  const [top, setTop] = useState(56);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) {
        setOpen(false);
        if (e instanceof KeyboardEvent) root.current?.querySelector('button')?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  // Not allowed to read alerts: no bell at all (the server said so, not a guess here).
  if (error && 'status' in error && (error.status === 401 || error.status === 403)) return null;
  // The worst first, then the newest (the API's order).
  const alerts = [...(data?.alerts ?? [])].sort((a, b) => Number(b.severity === 'critical') - Number(a.severity === 'critical'));
  const badge = bellBadge(data?.counts.open ?? 0);
  const critical = alerts.some((a) => a.severity === 'critical');
  const now = new Date();
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={badge ? `Alerts, ${badge} open` : 'Alerts, none open'}
        data-testid="alerts-bell"
        onClick={(e) => {
          setTop(Math.round(e.currentTarget.getBoundingClientRect().bottom + 8));
          setOpen((o) => !o);
        }}
        className="relative flex h-8 w-8 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500"
      >
        <BellIcon />
        {badge && (
          <span
            aria-hidden="true"
            data-testid="alerts-count"
            className={`absolute -top-1 -right-1 min-w-5 rounded-full px-1 text-center text-xs leading-5 font-semibold ${critical ? 'bg-rose-700 text-white' : 'bg-amber-400 text-amber-950'}`}
          >
            {badge}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          aria-label="Open alerts"
          style={{ '--bell-top': `${top}px` } as CSSProperties}
          className="fixed inset-x-2 top-(--bell-top) z-30 max-h-[70vh] overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-96"
          data-testid="alerts-panel"
        >
          <div className="flex items-center justify-between px-2 pb-1">
            <h2 className="text-sm font-semibold text-slate-900">Open alerts</h2>
            <a href="/alerts" className="text-xs text-blue-700 hover:underline">
              All alerts
            </a>
          </div>
          {error ? (
            <p role="alert" className="px-2 py-3 text-sm text-rose-700">
              {error.message}
            </p>
          ) : !data ? (
            <p className="px-2 py-3 text-sm text-slate-500">Loading…</p>
          ) : alerts.length === 0 ? (
            <p className="px-2 py-3 text-sm text-slate-500" data-testid="bell-empty">
              Nothing needs you right now.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {alerts.map((a) => (
                <AlertItem key={a.id} alert={a} now={now} />
              ))}
            </ul>
          )}
          {data?.nextCursor && (
            <p className="px-2 pt-1 text-xs text-slate-500">
              {data.counts.open - alerts.length} more open:{' '}
              <a href="/alerts" className="text-blue-700 hover:underline">
                see them all
              </a>
              .
            </p>
          )}
          {canDecide && (
            <div className="mt-2 border-t border-slate-100 px-2 pt-2">
              <NotifyToggle />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
