'use client';
import { useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import { type AnalyticsView, analyticsViewFromValues, analyticsViewParsers, analyticsViewToValues } from '@/lib/analytics/url';

/** The page's view as its URL holds it, through nuqs; every change is a history entry, so Back undoes it. */
export function useAnalyticsUrl(): [AnalyticsView, (next: AnalyticsView) => void] {
  const [values, setValues] = useQueryStates(analyticsViewParsers, { history: 'push' });
  const view = useMemo(() => analyticsViewFromValues(values), [values]);
  const setView = useCallback((next: AnalyticsView) => void setValues(analyticsViewToValues(next)), [setValues]);
  return [view, setView];
}
