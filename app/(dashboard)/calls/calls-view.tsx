'use client';
import { type ReactNode, useState } from 'react';
import { useDisplayZone } from '@/components/local-time';
import { ApiError } from '@/lib/api-client';
import { activeFilterCount, type CallView, clearFilters } from '@/lib/call-view-filters';
import { type InitialCalls, useCalls } from '@/lib/hooks/use-calls';
import { CALL_STATUSES } from '@/lib/providers/types';
import type { CallSort } from '@/lib/schemas/calls';
import { ActiveFilters } from './active-filters';
import { CallCards } from './call-cards';
import { CallsTable } from './calls-table';
import { ColumnMenu } from './column-menu';
import { type CellContext, COLUMNS } from './columns';
import { DateRangeFilter } from './date-range-filter';
import { ExportLink } from './export-link';
import { LoadError, LoadingRows, NoCalls } from './list-states';
import { LoadMore } from './load-more';
import { MoreFilters } from './more-filters';
import { MultiSelect } from './multi-select';
import { NewCallsBanner } from './new-calls-banner';
import { SearchBox } from './search-box';
import { SortSelect } from './sort-select';
import { useColumnVisibility } from './use-column-visibility';
import { useViewUrl } from './use-view-url';

const STATUS_OPTIONS = CALL_STATUSES.map((s) => ({ value: s, label: s.replace(/_/g, ' ') }));

interface Props {
  initial: InitialCalls | null;
  providers: { id: string; label: string }[];
  canManageSettings: boolean;
}

/** The calls list: the view lives in the URL, rows come from GET /api/calls, first page from the server. */
export function CallsView({ initial, providers, canManageSettings }: Props) {
  const [view, setView] = useViewUrl();
  const { zone: timeZone, team } = useDisplayZone();
  const calls = useCalls(view, timeZone, initial ?? undefined);
  const { hidden, toggle, reset } = useColumnVisibility();
  const [now] = useState(() => new Date());
  const providerLabels = Object.fromEntries(providers.map((p) => [p.id, p.label]));
  const ctx: CellContext = { timeZone, now, providerLabels };
  const columns = COLUMNS.filter((c) => !hidden.has(c.id));

  const update = (patch: Partial<CallView>, mode?: 'push' | 'replace') => setView({ ...view, ...patch }, mode);
  const onSort = (sort: CallSort) => update({ sort, dir: view.sort === sort && view.dir === 'desc' ? 'asc' : 'desc' });
  const filtered = activeFilterCount(view) > 0;
  const { rows } = calls;

  let content: ReactNode;
  if (rows.length === 0 && calls.isPending) content = <LoadingRows />;
  else if (rows.length === 0 && calls.error) {
    const signedOut = calls.error instanceof ApiError && calls.error.status === 401;
    content = <LoadError message={calls.error.message} signedOut={signedOut} onRetry={() => void calls.retry()} />;
  } else if (rows.length === 0) content = <NoCalls filtered={filtered} onClear={() => setView(clearFilters(view))} />;
  else {
    content = (
      <>
        <CallsTable rows={rows} columns={columns} ctx={ctx} view={view} onSort={onSort} />
        <CallCards rows={rows} columns={columns} ctx={ctx} />
        <LoadMore hasMore={calls.hasMore} loading={calls.isLoadingMore} failed={calls.loadMoreError} shown={rows.length} onLoad={() => void calls.loadMore()} />
      </>
    );
  }

  return (
    <section className="space-y-3" aria-busy={calls.isPending || calls.isRefreshing}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">Calls</h1>
        <p className="text-xs text-slate-500" data-testid="time-zone-note">
          Times in {timeZone} ({team ? 'team setting' : 'your browser'}) · <span data-testid="date-basis-note">dates by when the call happened</span>
          {canManageSettings && (
            <>
              {' '}
              ·{' '}
              <a href="/settings" className="text-blue-700 hover:underline">
                change
              </a>
            </>
          )}
          {calls.liveError && <span className="ml-2 text-amber-700">· live updates paused, retrying</span>}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <SearchBox value={view.q} onSearch={(q) => update({ q }, 'replace')} />
        <DateRangeFilter view={view} timeZone={timeZone} onChange={update} />
        <MultiSelect
          name="Provider"
          options={providers.map((p) => ({ value: p.id, label: p.label }))}
          selected={view.provider ?? []}
          onChange={(provider) => update({ provider: provider.length ? provider : undefined })}
        />
        <MultiSelect
          name="Status"
          options={STATUS_OPTIONS}
          selected={view.status ?? []}
          onChange={(status) => update({ status: status.length ? status : undefined })}
        />
        <MoreFilters view={view} onChange={update} />
        <div className="flex items-center gap-2 sm:ml-auto">
          <SortSelect view={view} onChange={update} />
          <div className="hidden md:block">
            <ColumnMenu hidden={hidden} onToggle={toggle} onReset={reset} />
          </div>
          <ExportLink view={view} timeZone={timeZone} />
        </div>
      </div>
      <ActiveFilters view={view} providerLabels={providerLabels} onChange={setView} />
      <NewCallsBanner count={calls.newCalls} many={calls.manyNew} onShow={() => void calls.showNew()} />
      <p className="sr-only" aria-live="polite">
        {calls.isPending ? '' : `${rows.length} calls shown`}
      </p>
      {content}
    </section>
  );
}
