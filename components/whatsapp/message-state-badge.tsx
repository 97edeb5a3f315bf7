import type { MessageFailure, MessageState } from '@/lib/queries/customers/message-state';

// What became of a WhatsApp message we sent, as Meta reported it: ✓ sent, ✓✓ delivered, read, or
// failed with the reason. The same badge on the queue, the action, the call and the customer's page.

const TONE: Record<MessageState, string> = {
  sent: 'bg-slate-100 text-slate-700',
  delivered: 'bg-slate-100 text-slate-800',
  read: 'bg-sky-100 text-sky-800',
  failed: 'bg-status-failure/15 text-red-800',
};

const LABEL: Record<Exclude<MessageState, 'failed'>, string> = { sent: '✓ sent', delivered: '✓✓ delivered', read: '✓✓ read' };

export function MessageStateBadge({ state, failures = [], at }: { state: MessageState | null; failures?: MessageFailure[]; at?: string | null }) {
  if (!state) return null;
  const failure = failures.at(-1);
  const earlier = state !== 'failed' && failures.length > 0;
  const title = [at ? `Reported ${new Date(at).toISOString()}` : null, ...failures.map((f) => f.explanation)].filter(Boolean).join('\n');
  return (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-1" data-testid="message-state" data-state={state}>
      <span className={`inline-flex shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${TONE[state]}`} title={title || undefined}>
        {state === 'failed' ? 'failed' : LABEL[state]}
      </span>
      {state === 'failed' && failure && (
        <span className="min-w-0 text-xs text-red-800" data-testid="message-failure">
          {failure.explanation}
        </span>
      )}
      {earlier && (
        <span className="text-xs text-slate-500" title={title}>
          (after {failures.length === 1 ? 'a failure' : `${failures.length} failures`} on another device)
        </span>
      )}
    </span>
  );
}
