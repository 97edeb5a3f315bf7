'use client';
import { usePendingCount } from '@/lib/hooks/use-action-count';

// The pending-approvals count in the navigation, kept current by polling (lib/hooks/use-action-count.ts).

export { ACTIONS_KEY } from '@/lib/hooks/use-action-count';

export function PendingBadge({ initial }: { initial: number }) {
  const pending = usePendingCount(initial);
  if (pending === 0) return null;
  // A span's aria-label is not read out: screen readers get the exact count as hidden text instead.
  return (
    <>
      <span data-testid="pending-count" aria-hidden="true" className="ml-1 rounded-full bg-amber-400 px-1.5 py-0.5 text-xs font-semibold text-amber-950">
        {pending > 99 ? '99+' : pending}
      </span>
      <span className="sr-only">{pending} pending</span>
    </>
  );
}
