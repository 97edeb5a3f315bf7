'use client';
import { useRouter } from 'next/navigation';
import { Chart } from '@/components/charts/chart';
import { ChartCard } from '@/components/charts/chart-card';
import { autoConfig, type ChartColor } from '@/components/charts/chart-config';
import { useDisplayZone } from '@/components/local-time';
import { timeBasisCaption } from '@/lib/analytics/captions';
import { callsHref } from '@/lib/analytics/links';
import type { SummaryChart } from '@/lib/analytics/types';
import type { AnalyticsView } from '@/lib/analytics/url';
import { analyticsPath, useAnalytics } from '@/lib/hooks/use-analytics';
import { formatBucket, formatCount } from './format';

// Calls: volume per bucket by outcome, failures by reason, and what became of the actions raised.

const STATUS_COLORS: Partial<Record<string, ChartColor>> = {
  completed: 'emerald-600',
  busy: 'orange-500',
  no_answer: 'amber-400',
  failed: 'rose-600',
  timeout: 'violet-600',
  validation_failed: 'pink-400',
  skipped: 'slate-500',
  voicemail: 'sky-400',
  in_progress: 'blue-600',
  rescheduled: 'teal-700',
};
const label = (s: string) => s.replace(/_/g, ' ');
/** Short enough to sit under a bar; the tooltip and CSV keep the full name. */
const shortLabel = (s: string) => (s === 'validation_failed' ? 'validation' : label(s));

export function CallsSection({
  view,
  params,
  summary,
  canReadActions,
}: {
  view: AnalyticsView;
  params: URLSearchParams;
  summary?: SummaryChart;
  canReadActions: boolean;
}) {
  const router = useRouter();
  const { zone } = useDisplayZone();
  const happened = timeBasisCaption('happened', zone);
  const volume = useAnalytics('volume', params);
  const csv = (chart: 'volume' | 'actions' | 'summary') => `${analyticsPath(chart)}?${params.toString()}&format=csv`;
  const failures = summary?.failures.map((f) => ({ bucket: f.reason, calls: f.calls })) ?? [];
  const v = volume.data;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <ChartCard
          title="Calls by outcome"
          description={`${happened}. Click a bar to see those calls.`}
          csvHref={csv('volume')}
          testId="chart-volume"
          loading={volume.isPending}
          error={volume.error?.message}
          empty={!v?.series.length}
        >
          {v && (
            <Chart
              kind="stacked"
              data={v.rows}
              config={autoConfig(v.series, STATUS_COLORS, label)}
              label="Calls per bucket, stacked by outcome"
              integer
              format={formatCount}
              tickLabel={formatBucket}
              onSelect={(bucket, status) => router.push(callsHref({ bucket, granularity: v.granularity, period: v.period, provider: view.provider, status }))}
            />
          )}
        </ChartCard>
      </div>
      <ChartCard
        title="Failures by reason"
        description={`${happened}. Click a bar to see those calls.`}
        csvHref={csv('summary')}
        testId="chart-failures"
        loading={!summary}
        empty={failures.every((f) => f.calls === 0)}
      >
        {summary && (
          <Chart
            kind="bar"
            data={failures}
            config={{ calls: { label: 'Calls', color: 'rose-600' } }}
            label="Failed calls by reason"
            format={formatCount}
            tickLabel={shortLabel}
            integer
            categorical
            onSelect={(reason) =>
              router.push(
                `/calls?${new URLSearchParams({ from: summary.period.from, to: summary.period.to, ...(view.provider ? { provider: view.provider.join(',') } : {}), status: reason })}`,
              )
            }
          />
        )}
      </ChartCard>
      {canReadActions && <ActionsCard params={params} csvHref={csv('actions')} />}
    </div>
  );
}

function ActionsCard({ params, csvHref }: { params: URLSearchParams; csvHref: string }) {
  const { zone } = useDisplayZone();
  const actions = useAnalytics('actions', params);
  const rows = actions.data?.rows.map((r) => ({ bucket: r.stage, actions: r.actions })) ?? [];
  return (
    <ChartCard
      title="Actions raised vs decided"
      description={`${timeBasisCaption('raised', zone)}, in the period, by where they are now.`}
      csvHref={csvHref}
      testId="chart-actions"
      loading={actions.isPending}
      error={actions.error?.message}
      empty={rows.every((r) => r.actions === 0)}
    >
      <Chart
        kind="bar"
        data={rows}
        config={{ actions: { label: 'Actions', color: 'violet-600' } }}
        label="Actions raised, approved, rejected and dispatched"
        format={formatCount}
        integer
        categorical
      />
    </ChartCard>
  );
}
