'use client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '@/lib/api-client';

// Alerts as the header's bell and the /alerts page read them (GET /api/alerts): the open ones,
// polled every 30 s and on coming back to the tab, and the list by state, a page at a time.
// Acknowledging refreshes both.

export interface AlertJson {
  id: string;
  rule: string;
  subject: string;
  state: 'open' | 'resolved';
  severity: 'warning' | 'critical';
  title: string;
  detail: string | null;
  /** A relative path to the thing itself (/approvals?kind=…, /deliveries?…). */
  link: string | null;
  openedAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface AlertsPageJson {
  alerts: AlertJson[];
  nextCursor: string | null;
  /** All open alerts, however many this page holds. */
  counts: { open: number };
}

export type AlertState = 'open' | 'resolved';

export const ALERTS_KEY = ['alerts'] as const;
const POLL_MS = 30_000;
/** The bell lists at most this many (its badge counts them all: counts.open). */
export const BELL_LIMIT = 20;
const PAGE_SIZE = 50;

export function useOpenAlerts(enabled = true) {
  return useQuery({
    queryKey: [...ALERTS_KEY, 'open'],
    queryFn: ({ signal }) => apiGet<AlertsPageJson>('/api/alerts', new URLSearchParams({ state: 'open', limit: String(BELL_LIMIT) }), { signal }),
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useAlertsList(state: AlertState) {
  return useInfiniteQuery({
    queryKey: [...ALERTS_KEY, 'list', state],
    queryFn: ({ pageParam, signal }) =>
      apiGet<AlertsPageJson>('/api/alerts', new URLSearchParams({ state, limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<{ alert: AlertJson }>(`/api/alerts/${encodeURIComponent(id)}/acknowledge`),
    onSettled: () => client.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
}
