'use client';
import { inputClass, text } from '@/components/action-kinds/edit-shell';

export function RejectForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit: (reason: string) => void; onCancel: () => void }) {
  return (
    <form
      aria-label="Reject"
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(text(new FormData(event.currentTarget), 'reason'));
      }}
    >
      <label className="min-w-64 flex-1 text-xs text-slate-600">
        Reason for rejecting
        {/* biome-ignore lint/a11y/noAutofocus: the form opens on the user's own action (r, or Reject), to type the reason at once */}
        <input name="reason" required maxLength={1000} autoFocus className={inputClass} />
      </label>
      <button type="submit" disabled={busy} className="rounded bg-red-700 px-3 py-1 text-white hover:bg-red-600 disabled:opacity-40">
        Reject
      </button>
      <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 hover:bg-white">
        Cancel
      </button>
    </form>
  );
}
