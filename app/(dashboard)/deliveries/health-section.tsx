import { formatDateTime } from '@/lib/format';
import type { HealthState, ProviderHealth } from '@/lib/queries/admin/health';
import { deliveriesHref } from './search-params';

function ago(at: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / (24 * 60))} days ago`;
}

const STATE: Record<HealthState, { text: string; tone: string }> = {
  failing: { text: 'Failing', tone: 'bg-status-failure/15 text-red-800' },
  silent: { text: 'Silent', tone: 'bg-status-failure/15 text-red-800' },
  degraded: { text: 'Some refused', tone: 'bg-status-waiting/20 text-amber-900' },
  healthy: { text: 'Healthy', tone: 'bg-status-success/15 text-green-800' },
  idle: { text: 'No traffic', tone: 'bg-status-neutral/15 text-slate-700' },
};

function Causes({ health }: { health: ProviderHealth }) {
  if (health.causes.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-xs" data-testid="refusal-causes">
      {health.causes.map((c) => (
        <li key={`${c.outcome}:${c.code}`} data-testid="refusal-cause" data-code={c.code}>
          <a href={deliveriesHref({ provider: health.provider, since: '24h', outcome: c.outcome })} className="underline">
            {c.count} {c.outcome}
          </a>
          : {c.label} <span className="font-mono text-slate-500">{c.code}</span>
        </li>
      ))}
    </ul>
  );
}

function Incomplete({ health }: { health: ProviderHealth }) {
  const incomplete = health.incomplete;
  if (!incomplete) return null;
  const { rule, count, examples } = incomplete;
  const expected = rule.expect.join(' / ');
  if (count === 0) return <p className="text-xs text-slate-500">Every call has its {expected}.</p>;
  return (
    <div className="text-xs" data-testid="incomplete-calls" data-count={count}>
      <p className="font-medium text-amber-900">
        {count} call{count === 1 ? '' : 's'} without {expected} ({rule.graceMinutes} min after {rule.after.join(' / ')})
      </p>
      <ul className="mt-1 space-y-0.5">
        {examples.map((call) => (
          <li key={call.id}>
            <a href={`/calls/${call.id}`} className="font-mono text-slate-700 underline" data-testid="incomplete-call">
              {call.providerCallId}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One card per provider: its verdict and why, when it last called, its last 24 hours and why deliveries were refused, and what it still owes us. */
export function HealthSection({ health, now }: { health: ProviderHealth[]; now: Date }) {
  return (
    <section aria-labelledby="health-heading" className="space-y-2">
      <h2 id="health-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Provider health
      </h2>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {health.map((h) => (
          <article
            key={h.provider}
            data-testid="provider-health"
            data-provider={h.provider}
            className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex items-center justify-between gap-2">
              <h3 className="font-medium">{h.label}</h3>
              <span data-testid="health-state" data-state={h.state} className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE[h.state].tone}`}>
                {STATE[h.state].text}
              </span>
            </div>
            <p className="text-sm text-slate-700" data-testid="health-reason">
              {h.reason}
            </p>
            <p className="text-sm text-slate-600">
              Last delivery:{' '}
              {h.lastDeliveryAt ? (
                <time dateTime={h.lastDeliveryAt.toISOString()} title={formatDateTime(h.lastDeliveryAt)}>
                  {ago(h.lastDeliveryAt, now)}
                </time>
              ) : (
                'never'
              )}
            </p>
            <p className="text-sm">
              <a href={deliveriesHref({ provider: h.provider, since: '24h' })} className="underline">
                {h.deliveries24h} in 24 h
              </a>
              {' · '}
              <a
                href={deliveriesHref({ provider: h.provider, since: '24h', outcome: 'rejected' })}
                className={h.rejected24h > 0 ? 'text-red-700 underline' : 'text-slate-500 underline'}
              >
                {h.rejected24h} rejected
              </a>
              {h.failed24h > 0 && (
                <>
                  {' · '}
                  <a href={deliveriesHref({ provider: h.provider, since: '24h', outcome: 'failed' })} className="text-amber-800 underline">
                    {h.failed24h} failed
                  </a>
                </>
              )}
            </p>
            <Causes health={h} />
            <Incomplete health={h} />
          </article>
        ))}
      </div>
    </section>
  );
}
