import type { CallStatus } from '@/lib/providers/types';

const TONE: Record<CallStatus, string> = {
  queued: 'bg-status-neutral/15 text-slate-700',
  in_progress: 'bg-status-active/15 text-blue-800',
  completed: 'bg-status-success/15 text-green-800',
  rescheduled: 'bg-status-waiting/20 text-amber-800',
  busy: 'bg-status-failure/15 text-red-800',
  no_answer: 'bg-status-failure/15 text-red-800',
  failed: 'bg-status-failure/15 text-red-800',
  timeout: 'bg-status-failure/15 text-red-800',
  validation_failed: 'bg-status-failure/15 text-red-800',
  skipped: 'bg-status-neutral/15 text-slate-700',
  voicemail: 'bg-status-neutral/15 text-slate-700',
  canceled: 'bg-status-neutral/15 text-slate-700',
};

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status as CallStatus] ?? TONE.queued;
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${tone}`} data-status={status}>
      {status.replace(/_/g, ' ')}
    </span>
  );
}
