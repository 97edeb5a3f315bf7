'use client';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';

// The approval queue's counts (GET /api/actions/count), polled every 10 s: the navigation badge,
// the tab title and the new-actions notification all read this one query. The queue invalidates
// ['actions'] after a decision, so they also update at once.

export const ACTIONS_KEY = ['actions'] as const;

export function usePendingCount(initial: number): number {
  const { data } = useQuery({
    queryKey: [...ACTIONS_KEY, 'count'],
    queryFn: ({ signal }) => apiGet<{ pending: number }>('/api/actions/count', undefined, { signal }),
    initialData: { pending: initial },
    refetchInterval: 10_000,
  });
  return data.pending;
}
