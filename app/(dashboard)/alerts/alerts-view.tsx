'use client';
import { useState } from 'react';
import { NotifyToggle } from '@/components/alerts/action-notifications';
import { alertSpan, ruleLabel, safeLink } from '@/components/alerts/alert-words';
import { SeverityBadge } from '@/components/alerts/severity-badge';
import { LocalTime, ZoneNote } from '@/components/local-time';
import { type AlertJson, type AlertState, useAcknowledgeAlert, useAlertsList } from '@/lib/hooks/use-alerts';
import { ALERT_STATES, alertsHref } from './search-params';

const TAB_LABELS: Record<AlertState, string> = { open: 'Open', resolved: 'Resolved' };

function Acknowledge({ alert }: { alert: AlertJson }) {
  const acknowledge = useAcknowledgeAlert();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={acknowledge.isPending}
        onClick={() => {
          setError(null);
          acknowledge.mutate(alert.id, { onError: (e) => setError(e.message) });
        }}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-50"
      >
        {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </button>
      {error && (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}

function AlertRow({ alert, canDecide, now }: { alert: AlertJson; canDecide: boolean; now: Date }) {
  return (
    <li className="space-y-1 px-4 py-3" data-testid="alert-row" data-alert-id={alert.id}>
      <div className="flex flex-wrap items-start gap-x-2 gap-y-1">
        <SeverityBadge severity={alert.severity} />
        <a href={safeLink(alert.link)} className="min-w-0 font-medium text-slate-900 hover:underline">
          {alert.title}
        </a>
        <span className="text-xs text-slate-500">{ruleLabel(alert.rule)}</span>
      </div>
      {alert.detail && <p className="text-sm text-slate-600">{alert.detail}</p>}
      <p className="text-xs text-slate-500">
        Opened <LocalTime value={alert.openedAt} />
        {alert.resolvedAt && (
          <>
            {' '}
            · resolved <LocalTime value={alert.resolvedAt} />
          </>
        )}{' '}
        · <span data-testid="alert-span">{alertSpan(alert, now)}</span>
      </p>
      <div className="text-xs text-slate-600" data-testid="alert-ack">
        {alert.acknowledgedAt ? (
          <>
            Acknowledged by {alert.acknowledgedBy ?? 'someone'} at <LocalTime value={alert.acknowledgedAt} />
          </>
        ) : alert.state === 'open' && canDecide ? (
          <Acknowledge alert={alert} />
        ) : (
          'Not acknowledged'
        )}
      </div>
    </li>
  );
}

export function AlertsView({ state, canDecide }: { state: AlertState; canDecide: boolean }) {
  const list = useAlertsList(state);
  const alerts = list.data?.pages.flatMap((p) => p.alerts) ?? [];
  const now = new Date();
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">Alerts</h1>
          <p className="text-sm text-slate-500">
            What needs a person: it opens when its condition starts and resolves when it ends. <ZoneNote />
          </p>
        </div>
        <nav aria-label="Alert views" className="flex gap-1 text-sm">
          {ALERT_STATES.map((s) => (
            <a
              key={s}
              href={alertsHref(s)}
              aria-current={s === state ? 'page' : undefined}
              className={`rounded px-3 py-1 ${s === state ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              {TAB_LABELS[s]}
            </a>
          ))}
        </nav>
      </div>
      {canDecide && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-slate-200 bg-white px-3 py-2 text-xs text-slate-600">
          <span>New actions to decide can raise a system notification in this browser while Callboard is open.</span>
          <NotifyToggle />
        </div>
      )}
      {list.error ? (
        <p role="alert" className="rounded border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {list.error.message}
        </p>
      ) : list.isPending ? (
        <div className="h-32 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />
      ) : alerts.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-10 text-center text-sm text-slate-500" data-testid="alerts-empty">
          {state === 'open' ? 'No open alerts: nothing needs you right now.' : 'No alert has resolved yet.'}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="alerts-list">
          {alerts.map((a) => (
            <AlertRow key={a.id} alert={a} canDecide={canDecide} now={now} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          onClick={() => list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50"
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </section>
  );
}
