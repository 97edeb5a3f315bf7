'use client';
import { useEffect, useRef } from 'react';

// Keyboard shortcuts for the common path: j/k move, a approve, r reject, e edit, x select,
// Escape closes a form. Ignored while typing, and with modifier keys (browser shortcuts stay).

export type QueueKey = 'next' | 'previous' | 'approve' | 'reject' | 'edit' | 'select' | 'close';

const KEYS: Record<string, QueueKey> = { j: 'next', k: 'previous', a: 'approve', r: 'reject', e: 'edit', x: 'select', Escape: 'close' };

export function useQueueKeys(handle: (key: QueueKey) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (typing && event.key !== 'Escape') return;
      const key = KEYS[event.key];
      if (!key) return;
      event.preventDefault();
      latest.current(key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
