'use client';
import { useState } from 'react';
import { timeBasisCaption } from '@/lib/analytics/captions';
import type { CallView } from '@/lib/call-view-filters';
import { DATE_RANGES, type DateRange } from '@/lib/schemas/calls';
import { addDays, localDate } from '@/lib/time-zone';

// When: presets are whole days in the team's zone ending today; a custom range is two dates,
// both included. Dates are on when the call happened, like the list's default order, and the
// filter says so, with the zone.

const LABELS: Record<DateRange, string> = { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days' };
const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500';

export function DateRangeFilter({ view, timeZone, onChange }: { view: CallView; timeZone: string; onChange: (next: Partial<CallView>) => void }) {
  const hasDates = Boolean(view.from || view.to);
  const [customOpen, setCustomOpen] = useState(false);
  const mode = view.range ?? (hasDates || customOpen ? 'custom' : '');
  const today = localDate(new Date(), timeZone);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor="calls-range" className="sr-only">
        Date range, {timeBasisCaption('happened', timeZone).toLowerCase()}
      </label>
      <select
        id="calls-range"
        title={timeBasisCaption('happened', timeZone)}
        value={mode}
        className={field}
        onChange={(e) => {
          const value = e.target.value;
          if (value === 'custom') {
            setCustomOpen(true);
            onChange({ range: undefined, from: view.from ?? addDays(today, -6), to: view.to ?? today });
          } else {
            setCustomOpen(false);
            onChange({ range: (DATE_RANGES as readonly string[]).includes(value) ? (value as DateRange) : undefined, from: undefined, to: undefined });
          }
        }}
      >
        <option value="">Any time</option>
        {DATE_RANGES.map((r) => (
          <option key={r} value={r}>
            {LABELS[r]}
          </option>
        ))}
        <option value="custom">Custom range…</option>
      </select>
      {mode === 'custom' && (
        <span className="flex items-center gap-1 text-sm">
          <label htmlFor="calls-from" className="sr-only">
            From
          </label>
          <input
            id="calls-from"
            type="date"
            className={field}
            value={view.from?.slice(0, 10) ?? ''}
            max={view.to?.slice(0, 10) ?? today}
            onChange={(e) => onChange({ range: undefined, from: e.target.value || undefined })}
          />
          <span aria-hidden className="text-slate-400">
            –
          </span>
          <label htmlFor="calls-to" className="sr-only">
            To
          </label>
          <input
            id="calls-to"
            type="date"
            className={field}
            value={view.to?.slice(0, 10) ?? ''}
            min={view.from?.slice(0, 10)}
            onChange={(e) => onChange({ range: undefined, to: e.target.value || undefined })}
          />
        </span>
      )}
    </div>
  );
}
