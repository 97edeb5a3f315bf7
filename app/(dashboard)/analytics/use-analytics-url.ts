'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { analyticsViewFromSearchParams, analyticsViewToSearchParams, type AnalyticsView } from '@/lib/analytics/url';

/** The page's view as its URL holds it; every change is a history entry, so Back undoes it. */
export function useAnalyticsUrl(): [AnalyticsView, (next: AnalyticsView) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const text = searchParams.toString();
  const view = useMemo(() => analyticsViewFromSearchParams(new URLSearchParams(text)), [text]);
  const setView = useCallback(
    (next: AnalyticsView) => {
      const query = analyticsViewToSearchParams(next).toString();
      window.history.pushState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return [view, setView];
}
