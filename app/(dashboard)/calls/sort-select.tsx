'use client';
import type { CallView } from '@/lib/call-view-filters';
import type { CallSort } from '@/lib/schemas/calls';

// Sorting for every screen size (the table's headers also sort, but a phone has no headers).

const OPTIONS: { sort: CallSort; dir: 'asc' | 'desc'; label: string }[] = [
  { sort: 'happened', dir: 'desc', label: 'Newest calls' },
  { sort: 'happened', dir: 'asc', label: 'Oldest calls' },
  // Latest activity: a late event or a reprocess brings a call up here, never in the dates.
  { sort: 'activity', dir: 'desc', label: 'Recently updated' },
  { sort: 'activity', dir: 'asc', label: 'Least recently updated' },
  { sort: 'started', dir: 'desc', label: 'Start time, newest' },
  { sort: 'started', dir: 'asc', label: 'Start time, oldest' },
  { sort: 'duration', dir: 'desc', label: 'Longest' },
  { sort: 'duration', dir: 'asc', label: 'Shortest' },
  { sort: 'credits', dir: 'desc', label: 'Most credits' },
  { sort: 'credits', dir: 'asc', label: 'Fewest credits' },
];

export function SortSelect({ view, onChange }: { view: CallView; onChange: (next: Pick<CallView, 'sort' | 'dir'>) => void }) {
  return (
    <>
      <label htmlFor="calls-sort" className="sr-only">
        Sort
      </label>
      <select
        id="calls-sort"
        value={`${view.sort}:${view.dir}`}
        onChange={(e) => {
          const option = OPTIONS.find((o) => `${o.sort}:${o.dir}` === e.target.value);
          if (option) onChange({ sort: option.sort, dir: option.dir });
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-1 focus:ring-blue-500"
      >
        {OPTIONS.map((o) => (
          <option key={`${o.sort}:${o.dir}`} value={`${o.sort}:${o.dir}`}>
            Sort: {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
