'use client';
import { useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { type CallView, callViewParsers, viewFromValues, viewToValues } from '@/lib/call-view-filters';

/**
 * The view the URL holds, and a setter that writes it back, both through nuqs with the parsers
 * the server page reads the URL with. nuqs updates the state at once and the URL a moment later
 * (shallow: no server round trip), so a controlled checkbox or select never flicks back.
 * Discrete changes push (Back undoes a filter); typing in the search box replaces.
 */
export function useViewUrl(): [CallView, (next: CallView, mode?: 'push' | 'replace') => void] {
  const [values, setValues] = useQueryStates(callViewParsers, { history: 'push' });
  const view = useMemo(() => viewFromValues(values), [values]);
  const setView = useCallback((next: CallView, mode: 'push' | 'replace' = 'push') => void setValues(viewToValues(next), { history: mode }), [setValues]);
  return [view, setView];
}
