'use client';
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './use-queue-keys';

// Every shortcut the queue answers, from the same table the keyboard handler reads (`?` opens it).

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-label="Keyboard shortcuts"
      onClose={onClose}
      onCancel={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/30"
    >
      <div className="space-y-3 p-4 text-sm">
        <div className="flex items-center justify-between">
          <h2 className="font-semibold">Keyboard shortcuts</h2>
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
            Close
          </button>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5" data-testid="shortcut-list">
          {SHORTCUTS.map((s) => (
            <div key={s.key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{s.label}</kbd>
              </dt>
              <dd className="text-slate-700">{s.what}</dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-slate-500">Nothing is current until you press j or click an action. Keys do nothing while you type in a field.</p>
      </div>
    </dialog>
  );
}
