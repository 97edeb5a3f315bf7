'use client';
import { memo, useEffect, useState } from 'react';
import { ActionStatusBadge } from '@/components/action-status-badge';
import { LiveMessageState } from '@/components/whatsapp/live-message-state';
import { SEND_WHATSAPP } from '@/lib/action-kinds/send-whatsapp/id';

// What became of a decision made on this page, drawn where the action was: the receipt, and the
// Undo button while the undo window is open (the server says until when: undoUntil).

export interface DecidedEntry {
  id: string;
  kind: string;
  label: string;
  customer: string;
  /** 'deciding' until the server answers, then what it answered; 'undoing' while an undo is on its way. */
  phase: 'deciding' | 'decided' | 'undoing';
  decision: 'approve' | 'reject';
  status: string;
  message: string;
  /** Epoch ms until which Undo is offered, or null (not yet known, or no undo). */
  undoUntil: number | null;
  undoError: string | null;
}

function secondsLeft(until: number | null): number {
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

export const DecidedRow = memo(function DecidedRow({ entry, onUndo }: { entry: DecidedEntry; onUndo: (id: string) => void }) {
  const [left, setLeft] = useState(() => secondsLeft(entry.undoUntil));
  useEffect(() => {
    setLeft(secondsLeft(entry.undoUntil));
    if (entry.undoUntil === null) return;
    // Once a second, and only while the window is open: a long session keeps many receipts.
    const timer = setInterval(() => {
      const next = secondsLeft(entry.undoUntil);
      setLeft(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [entry.undoUntil]);
  const undoable = entry.phase === 'decided' && left > 0;
  return (
    <li data-testid="decided-action" data-decided-id={entry.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 bg-slate-50 px-4 py-2 text-sm">
      {entry.phase === 'deciding' ? (
        <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">{entry.decision === 'approve' ? 'approving…' : 'rejecting…'}</span>
      ) : (
        <ActionStatusBadge status={entry.status} />
      )}
      <span className="font-medium">{entry.label}</span>
      <span className="text-slate-600">{entry.customer}</span>
      <span className="text-slate-500" role="status">
        {entry.phase === 'undoing' ? 'Undoing…' : entry.message}
      </span>
      {entry.phase === 'decided' && entry.decision === 'approve' && entry.kind === SEND_WHATSAPP && <LiveMessageState id={entry.id} />}
      {entry.undoError && (
        <span role="alert" className="text-red-700">
          {entry.undoError}
        </span>
      )}
      <span className="ml-auto flex items-center gap-3">
        {undoable && (
          <button
            type="button"
            data-testid="undo"
            onClick={() => onUndo(entry.id)}
            className="rounded border border-slate-400 bg-white px-3 py-0.5 font-medium text-slate-900 hover:bg-slate-100"
            title="Undo (u)"
          >
            Undo <span className="tabular-nums text-slate-500">{left} s</span>
          </button>
        )}
        <a href={`/approvals/${entry.id}`} className="text-slate-600 underline">
          History
        </a>
      </span>
    </li>
  );
});
