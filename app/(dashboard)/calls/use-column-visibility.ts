'use client';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { COLUMNS, type ColumnId } from './columns';

// Which columns a person has hidden: a preference of this browser (localStorage), not part of
// the shared view in the URL. Read through useSyncExternalStore so the server render (all
// defaults) and the browser's own choice never mismatch during hydration.

const KEY = 'callboard.calls.hidden-columns';
const listeners = new Set<() => void>();

function read(): string {
  try {
    return window.localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const DEFAULT_HIDDEN = COLUMNS.filter((c) => c.defaultHidden).map((c) => c.id);

function parse(stored: string): Set<ColumnId> {
  if (!stored) return new Set(DEFAULT_HIDDEN);
  const known = new Set<string>(COLUMNS.filter((c) => !c.required).map((c) => c.id));
  return new Set(stored.split(',').filter((id): id is ColumnId => known.has(id)));
}

export function useColumnVisibility(): { hidden: Set<ColumnId>; toggle: (id: ColumnId) => void; reset: () => void } {
  const stored = useSyncExternalStore(subscribe, read, () => '');
  const hidden = useMemo(() => parse(stored), [stored]);
  const write = useCallback((value: string | null) => {
    try {
      if (value === null) window.localStorage.removeItem(KEY);
      // '-' marks "nothing hidden", which differs from "never chosen" (the defaults).
      else window.localStorage.setItem(KEY, value || '-');
    } catch {
      // Storage refused (private mode, full): the columns stay as they were.
    }
    for (const listener of listeners) listener();
  }, []);
  const toggle = useCallback(
    (id: ColumnId) => {
      const next = new Set(hidden);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      write([...next].join(','));
    },
    [hidden, write],
  );
  return { hidden, toggle, reset: useCallback(() => write(null), [write]) };
}
