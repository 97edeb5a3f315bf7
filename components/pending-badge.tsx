'use client';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';

// The pending-approvals count in the navigation, kept current by polling; the queue on the
// approvals page invalidates ['actions'] after a decision, so it also updates at once.

export const ACTIONS_KEY = ['actions'] as const;

export function PendingBadge({ initial }: { initial: number }) {
  const { data } = useQuery({
    queryKey: [...ACTIONS_KEY, 'count'],
    queryFn: ({ signal }) => apiGet<{ pending: number }>('/api/actions/count', undefined, { signal }),
    initialData: { pending: initial },
    refetchInterval: 10_000,
  });
  if (data.pending === 0) return null;
  // A span's aria-label is not read out: screen readers get the exact count as hidden text instead.
  return (
    <>
      <span data-testid="pending-count" aria-hidden="true" className="ml-1 rounded-full bg-amber-400 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
        {data.pending > 99 ? '99+' : data.pending}
      </span>
      <span className="sr-only">{data.pending} pending</span>
    </>
  );
}
