import { formatDateTime } from '@/lib/format';
import type { ProviderHealth } from '@/lib/queries/admin/health';
import { deliveriesHref } from './search-params';

function ago(at: Date, now: Date): string {
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / (24 * 60))} days ago`;
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

/** One card per provider: when it last called, its last 24 hours, and what it still owes us. */
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
            <h3 className="font-medium">{h.label}</h3>
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
            <Incomplete health={h} />
          </article>
        ))}
      </div>
    </section>
  );
}
