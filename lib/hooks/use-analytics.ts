'use client';
import { useQuery } from '@tanstack/react-query';
import type { ChartName } from '@/lib/analytics/schema';
import type { ActionsChart, BalanceChart, DecisionsChart, SeriesChart, SummaryChart } from '@/lib/analytics/types';
import { apiGet } from '@/lib/api-client';

// One query per chart, keyed by the chart and its API query, so changing the breakdown refetches
// only the credits chart.

interface ChartData {
  summary: SummaryChart;
  volume: SeriesChart;
  credits: SeriesChart;
  balance: BalanceChart;
  actions: ActionsChart;
  decisions: DecisionsChart;
}

export function analyticsPath(chart: ChartName): string {
  return `/api/analytics/${chart}`;
}

export function useAnalytics<C extends ChartName>(chart: C, params: URLSearchParams) {
  const query = params.toString();
  return useQuery({
    queryKey: ['analytics', chart, query],
    queryFn: ({ signal }) => apiGet<ChartData[C]>(analyticsPath(chart), new URLSearchParams(query), { signal }),
    placeholderData: (previous) => previous,
  });
}
