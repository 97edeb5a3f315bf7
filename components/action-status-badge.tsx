// An action's status in words and colour, the same in the queue, its page and anywhere else.

const TONE: Record<string, string> = {
  pending: 'bg-status-waiting/20 text-amber-800',
  approved: 'bg-status-active/15 text-blue-800',
  dispatched: 'bg-status-success/15 text-green-800',
  rejected: 'bg-status-neutral/15 text-slate-700',
  failed: 'bg-status-failure/15 text-red-800',
  needs_check: 'bg-status-failure/15 text-red-800',
};

const LABEL: Record<string, string> = { dispatched: 'sent', needs_check: 'needs check' };

export function ActionStatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status] ?? TONE.rejected}`}
      data-testid="action-status"
      data-status={status}
    >
      {LABEL[status] ?? status.replace(/_/g, ' ')}
    </span>
  );
}
