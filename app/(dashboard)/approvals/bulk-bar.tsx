'use client';
import { useState } from 'react';

// Bulk approve or reject of the selected actions; a bulk rejection takes one reason for all.

export function BulkBar({
  count,
  total,
  busy,
  onSelectAll,
  onDecide,
}: {
  count: number;
  total: number;
  busy: boolean;
  onSelectAll: (all: boolean) => void;
  onDecide: (decision: 'approve' | 'reject', note?: string) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm" data-testid="bulk-bar">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={count > 0 && count === total} onChange={(e) => onSelectAll(e.target.checked)} aria-label="Select all" />
        {count > 0 ? `${count} selected` : 'Select all'}
      </label>
      {count > 0 && !rejecting && (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={() => onDecide('approve')}
            className="rounded bg-slate-900 px-3 py-1 text-white hover:bg-slate-700 disabled:opacity-40"
          >
            Approve {count} selected
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setRejecting(true)}
            className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50 disabled:opacity-40"
          >
            Reject {count} selected…
          </button>
        </>
      )}
      {count > 0 && rejecting && (
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            onDecide('reject', reason.trim());
            setRejecting(false);
            setReason('');
          }}
        >
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            maxLength={1000}
            placeholder="Reason for rejecting all"
            aria-label="Reason for rejecting the selected actions"
            className="w-72 rounded border border-slate-300 px-2 py-1"
          />
          <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1 text-white disabled:opacity-40">
            Reject {count}
          </button>
          <button type="button" onClick={() => setRejecting(false)} className="rounded border border-slate-300 px-3 py-1">
            Cancel
          </button>
        </form>
      )}
      <p className="ml-auto text-xs text-slate-500">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>e</kbd> edit · <kbd>r</kbd> reject · <kbd>x</kbd> select
      </p>
    </div>
  );
}
