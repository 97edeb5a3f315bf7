'use client';
import { useEffect, useRef } from 'react';

// Keyboard shortcuts for the common path, one table (SHORTCUTS) that both the handler and the `?`
// list read, so the list cannot leave one out. Ignored while typing (except Escape), and with
// Ctrl, Alt or Meta (browser shortcuts stay); Shift picks the capital-letter bulk keys.

export type QueueKey =
  | 'next'
  | 'previous'
  | 'approve'
  | 'reject'
  | 'edit'
  | 'select'
  | 'undo'
  | 'approveSelected'
  | 'rejectSelected'
  | 'sort'
  | 'help'
  | 'close';

export const SHORTCUTS: { key: string; label: string; does: QueueKey; what: string }[] = [
  { key: 'j', label: 'j', does: 'next', what: 'Next action (the first one, when none is current)' },
  { key: 'k', label: 'k', does: 'previous', what: 'Previous action' },
  { key: 'a', label: 'a', does: 'approve', what: 'Approve the current action; focus moves on to the next one' },
  { key: 'e', label: 'e', does: 'edit', what: 'Edit the current action, then approve' },
  { key: 'r', label: 'r', does: 'reject', what: 'Reject the current action (a reason is needed)' },
  { key: 'u', label: 'u', does: 'undo', what: 'Undo the latest decision while its undo window is open' },
  { key: 'x', label: 'x', does: 'select', what: 'Select or unselect the current action' },
  { key: 'A', label: 'Shift+A', does: 'approveSelected', what: 'Approve the selected actions (asks once, with the count)' },
  { key: 'R', label: 'Shift+R', does: 'rejectSelected', what: 'Reject the selected actions (one reason for all)' },
  { key: 's', label: 's', does: 'sort', what: 'Sort by waiting time or by urgency' },
  { key: '?', label: '?', does: 'help', what: 'Show or hide this list' },
  { key: 'Escape', label: 'Esc', does: 'close', what: 'Close the open form, question or this list' },
];

const KEYS: Record<string, QueueKey> = Object.fromEntries(SHORTCUTS.map((s) => [s.key, s.does]));

/** `handle` gets the key and the event's time stamp (the bench measures from it). */
export function useQueueKeys(handle: (key: QueueKey, at: number) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input:not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable="true"]');
      if (typing && event.key !== 'Escape') return;
      const key = KEYS[event.key];
      if (!key) return;
      // A button in focus keeps Enter and Space; the letters are ours.
      event.preventDefault();
      latest.current(key, event.timeStamp);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
