'use client';
import { useEffect, useRef } from 'react';
import { RejectForm } from './reject-form';

// Bulk approve or reject of the selected actions. Either one asks once, saying how many: approve
// shows "Approve 5 actions?" with the count on its button; reject takes one reason for all.

export type BulkAsk = 'approve' | 'reject' | null;

export function BulkBar({
  count,
  total,
  busy,
  ask,
  reasons,
  onAsk,
  onSelectAll,
  onDecide,
  onHelp,
}: {
  count: number;
  total: number;
  busy: boolean;
  ask: BulkAsk;
  reasons: string[];
  onAsk: (ask: BulkAsk) => void;
  onSelectAll: (all: boolean) => void;
  onDecide: (decision: 'approve' | 'reject', note?: string) => void;
  onHelp: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  // The question opens on the user's own action: Enter answers it.
  useEffect(() => {
    if (ask === 'approve') confirm.current?.focus();
  }, [ask]);
  const plural = (n: number) => `${n} action${n === 1 ? '' : 's'}`;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm" data-testid="bulk-bar">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={count > 0 && count === total} onChange={(e) => onSelectAll(e.target.checked)} aria-label="Select all" />
          {count > 0 ? `${count} selected` : 'Select all'}
        </label>
        {count > 0 && ask === null && (
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => onAsk('approve')}
              className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40"
            >
              Approve {count} selected…
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => onAsk('reject')}
              className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-40"
            >
              Reject {count} selected…
            </button>
          </>
        )}
        {count > 0 && ask === 'approve' && (
          <div
            role="alertdialog"
            aria-label="Confirm bulk approval"
            className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-1"
          >
            <span className="font-medium text-amber-950">Approve {plural(count)}? Each can be undone for a few seconds.</span>
            <button
              type="button"
              ref={confirm}
              disabled={busy}
              onClick={() => onDecide('approve')}
              className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40"
            >
              Approve {count}
            </button>
            <button type="button" onClick={() => onAsk(null)} className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50">
              Cancel
            </button>
          </div>
        )}
        <button type="button" onClick={onHelp} className="ml-auto text-xs text-slate-600 underline decoration-dotted" aria-keyshortcuts="?">
          Keyboard shortcuts <kbd className="rounded border border-slate-300 px-1">?</kbd>
        </button>
      </div>
      {count > 0 && ask === 'reject' && (
        <RejectForm
          busy={busy}
          reasons={reasons}
          label={`Reason for rejecting the ${plural(count)} selected`}
          submitLabel={`Reject ${count}`}
          onSubmit={(reason) => onDecide('reject', reason)}
          onCancel={() => onAsk(null)}
        />
      )}
    </div>
  );
}
