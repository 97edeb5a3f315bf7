'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ACTIONS_KEY } from '@/components/pending-badge';
import { apiGet } from '@/lib/api-client';
import type { ActionMessage } from '@/lib/queries/actions/list';
import { MessageStateBadge } from './message-state-badge';
import { RepliedBadge } from './replied-badge';

// A decided WhatsApp action's receipt in the queue, kept current: what Meta reports for the
// message (✓ sent, ✓✓ delivered, read, failed with the reason) and the customer's reply, polled
// from GET /api/actions/{id} every 5 s for 10 minutes after the decision (a reply may follow a read).

const POLL_MS = 5_000;
const POLL_FOR_MS = 10 * 60_000;

interface Answer {
  action: { status: string; message: ActionMessage | null; replies: { count: number; lastAt: string; last: string | null } | null };
}

export function LiveMessageState({ id }: { id: string }) {
  const [since] = useState(() => Date.now());
  const { data } = useQuery({
    queryKey: [...ACTIONS_KEY, 'message', id],
    queryFn: ({ signal }) => apiGet<Answer>(`/api/actions/${id}`, undefined, { signal }).then((r) => r.action),
    refetchInterval: () => (Date.now() - since > POLL_FOR_MS ? false : POLL_MS),
  });
  if (!data) return null;
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-2" data-testid="live-message">
      {data.message ? (
        <MessageStateBadge state={data.message.state} failures={data.message.failures} at={data.message.at} />
      ) : (
        data.status === 'dispatched' && <span className="text-xs text-slate-500">waiting for WhatsApp's receipt…</span>
      )}
      <RepliedBadge replies={data.replies} />
    </span>
  );
}
