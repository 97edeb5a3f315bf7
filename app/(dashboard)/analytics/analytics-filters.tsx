'use client';
import { GRANULARITIES, type Granularity } from '@/lib/analytics/enums';
import type { AnalyticsView } from '@/lib/analytics/url';
import { DateRangeFilter } from '../calls/date-range-filter';

// The calls list's own date-range picker (same parameters), a provider filter and the bucket size.

const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500';

export function AnalyticsFilters({
  view,
  timeZone,
  providers,
  onChange,
}: {
  view: AnalyticsView;
  timeZone: string;
  providers: { id: string; label: string }[];
  onChange: (next: AnalyticsView) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="analytics-filters">
      <DateRangeFilter
        view={{ sort: 'happened', dir: 'desc', range: view.range, from: view.from, to: view.to }}
        timeZone={timeZone}
        onChange={(next) => onChange({ ...view, range: next.range, from: 'from' in next ? next.from : view.from, to: 'to' in next ? next.to : view.to })}
      />
      <label className="flex items-center gap-1 text-sm">
        <span className="sr-only">Provider</span>
        <select
          aria-label="Provider"
          className={field}
          value={view.provider?.join(',') ?? ''}
          onChange={(e) => onChange({ ...view, provider: e.target.value ? [e.target.value] : undefined })}
        >
          <option value="">All providers</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1 text-sm">
        <span className="text-slate-600">By</span>
        <select
          aria-label="Bucket size"
          className={field}
          value={view.granularity}
          onChange={(e) => onChange({ ...view, granularity: e.target.value as Granularity })}
        >
          {GRANULARITIES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
