import { PROVIDERS } from '@/lib/providers/registry';
import { DELIVERY_OUTCOMES, DELIVERY_VERIFICATIONS } from '@/lib/schemas/deliveries';
import { WHATSAPP_SOURCE, WHATSAPP_SOURCE_LABEL } from '@/lib/whatsapp/webhook';
import type { FilterValues } from './search-params';

const SINCE_LABELS: Record<string, string> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

function Select({ name, label, all, options, value }: { name: string; label: string; all: string; options: [string, string][]; value: string | undefined }) {
  return (
    <label className="block">
      <span className="text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ''} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5">
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

// A plain GET form: the filters land in the URL, so a view can be shared and reloaded. No
// autocomplete: on Back the browser would otherwise refill the fields as they were typed, not as
// the URL now says.
export function DeliveryFilters({ values }: { values: FilterValues }) {
  // The voice providers, and WhatsApp (customer messages and statuses: app/api/webhooks/whatsapp).
  const providers = [...Object.values(PROVIDERS).map((p): [string, string] => [p.id, p.label]), [WHATSAPP_SOURCE, WHATSAPP_SOURCE_LABEL] as [string, string]];
  return (
    <form method="get" action="/deliveries" aria-label="Filter deliveries" autoComplete="off" className="flex flex-wrap items-end gap-3 text-sm">
      <Select name="provider" label="Provider" all="All providers" options={providers} value={values.provider} />
      <Select name="outcome" label="Outcome" all="Any outcome" options={DELIVERY_OUTCOMES.map((o) => [o, o])} value={values.outcome} />
      <Select name="verification" label="Signature" all="Any signature" options={DELIVERY_VERIFICATIONS.map((v) => [v, v])} value={values.verification} />
      <Select name="since" label="Time" all="Any time" options={Object.entries(SINCE_LABELS)} value={values.since} />
      {/* from/to come only from shared links or the API; kept so filtering again does not drop them. */}
      {values.from && <input type="hidden" name="from" value={values.from} />}
      {values.to && <input type="hidden" name="to" value={values.to} />}
      <label className="block">
        <span className="text-slate-700">Search</span>
        <input
          type="search"
          name="q"
          defaultValue={values.q ?? ''}
          placeholder="Event type or call id"
          className="mt-1 block w-56 rounded border border-slate-300 px-2 py-1.5"
        />
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
        Filter
      </button>
      <a href="/deliveries" className="px-1 py-1.5 text-slate-600 underline">
        Clear
      </a>
    </form>
  );
}
