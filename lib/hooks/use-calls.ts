'use client';
import { type InfiniteData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { apiGet } from '@/lib/api-client';
import { apiSearchParams, CALLS_PAGE_SIZE, type CallView } from '@/lib/call-view-filters';
import type { CallRow, CallsPageJson } from '@/lib/schemas/calls';

// The calls list as the page uses it: keyset pages of one view, plus a poll for what changed
// since the first page was read. Changed rows already on screen are updated where they are;
// anything else is counted ("N new calls") and shown only when asked, so rows never move
// under the cursor.

const POLL_MS = 15_000;
const UPDATES_LIMIT = 100;
// Calls stored just before the watermark may commit just after it: look a little further back.
const OVERLAP_MS = 30_000;

export interface InitialCalls {
  /** The API query the server read the first page with; used only if the browser asks the same. */
  query: string;
  page: CallsPageJson;
}

function withParams(query: string, extra: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams(query);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params;
}

function mergeRows(pages: CallsPageJson[], updates: CallRow[]): CallRow[] {
  const fresh = new Map(updates.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const rows: CallRow[] = [];
  for (const call of pages.flatMap((p) => p.calls)) {
    // A call can move between pages while they load; show it once, where it was first seen.
    if (seen.has(call.id)) continue;
    seen.add(call.id);
    const update = fresh.get(call.id);
    rows.push(update && update.lastEventAt > call.lastEventAt ? update : call);
  }
  return rows;
}

export function useCalls(view: CallView, timeZone: string, initial?: InitialCalls) {
  const queryClient = useQueryClient();
  const query = apiSearchParams(view, timeZone).toString();
  const queryKey = useMemo(() => ['calls', query] as const, [query]);

  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      apiGet<CallsPageJson>('/api/calls', withParams(query, { limit: String(CALLS_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initial?.query === query ? { pages: [initial.page], pageParams: [null] } : undefined,
    // The list itself is refreshed only on request; the updates poll below keeps it live.
    staleTime: Infinity,
  });

  const asOf = list.data?.pages[0]?.asOf;
  const since = asOf ? new Date(Date.parse(asOf) - OVERLAP_MS).toISOString() : null;
  const updates = useQuery({
    queryKey: ['calls', query, 'updates', since],
    queryFn: ({ signal }) =>
      apiGet<CallsPageJson>('/api/calls', withParams(query, { updatedSince: since ?? '', sort: 'activity', dir: 'desc', limit: String(UPDATES_LIMIT) }), {
        signal,
      }),
    enabled: since !== null,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });

  const pages = list.data?.pages;
  const changed = updates.data?.calls;
  const rows = useMemo(() => mergeRows(pages ?? [], changed ?? []), [pages, changed]);
  const newCalls = useMemo(() => {
    const shown = new Set(rows.map((r) => r.id));
    return (changed ?? []).filter((c) => !shown.has(c.id)).length;
  }, [rows, changed]);

  /** Reloads from the top: keeps only the first page, then refetches it. */
  const showNew = useCallback(async () => {
    queryClient.setQueryData<InfiniteData<CallsPageJson, string | null>>(queryKey, (data) =>
      data ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    await queryClient.refetchQueries({ queryKey, exact: true });
  }, [queryClient, queryKey]);

  return {
    rows,
    /** True until the first page of this view has arrived. */
    isPending: list.isPending,
    isRefreshing: list.isRefetching,
    error: list.error,
    retry: list.refetch,
    hasMore: list.hasNextPage,
    loadMore: list.fetchNextPage,
    isLoadingMore: list.isFetchingNextPage,
    loadMoreError: list.isFetchNextPageError,
    newCalls,
    /** More changed calls than one poll returns. */
    manyNew: Boolean(updates.data?.nextCursor),
    showNew,
    liveError: updates.error,
  };
}
