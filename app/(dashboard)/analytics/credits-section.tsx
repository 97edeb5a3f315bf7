'use client';
import { useRouter } from 'next/navigation';
import { Chart } from '@/components/charts/chart';
import { ChartCard } from '@/components/charts/chart-card';
import { autoConfig } from '@/components/charts/chart-config';
import { useDisplayZone } from '@/components/local-time';
import { timeBasisCaption } from '@/lib/analytics/captions';
import { BREAKDOWNS, type Breakdown } from '@/lib/analytics/enums';
import { type ClickTarget, callsHref } from '@/lib/analytics/links';
import type { AnalyticsView } from '@/lib/analytics/url';
import { analyticsPath, useAnalytics } from '@/lib/hooks/use-analytics';
import { BalanceStats } from './balance-stats';
import { formatBucket, formatCredits } from './format';
import { KeyLiveNote } from './live-notes';
import { MetaKeyPicker } from './meta-key-picker';

// Credits: used per bucket (split by provider, agent or a metadata key), and the balance line.

const BY_LABEL: Record<Breakdown, string> = { none: 'Total', provider: 'Provider', agent: 'Agent', meta: 'Metadata key' };
const field = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';

/** What a clicked series adds to the calls filter; "(none)" and "other" are not one value, so none. */
function seriesFilter(view: AnalyticsView, series: string): Partial<ClickTarget> {
  if (series === '(none)' || series === 'other') return {};
  if (view.by === 'provider') return { breakdownProvider: series };
  if (view.by === 'agent') return { agent: series };
  if (view.by === 'meta' && view.key) return { meta: { key: view.key, value: series } };
  return {};
}

export function CreditsSection({
  view,
  params,
  breakdownKeys,
  canManageSettings,
  onChange,
}: {
  view: AnalyticsView;
  params: URLSearchParams;
  /** The team's breakdown keys: the metadata keys whose credits are precomputed. */
  breakdownKeys: string[];
  canManageSettings: boolean;
  onChange: (next: AnalyticsView) => void;
}) {
  const router = useRouter();
  const { zone } = useDisplayZone();
  const reported = timeBasisCaption('reported', zone);
  const credits = useAnalytics('credits', params);
  const balance = useAnalytics('balance', params);
  const csv = (chart: 'credits' | 'balance') => `${analyticsPath(chart)}?${params.toString()}&format=csv`;
  const c = credits.data;
  const b = balance.data;
  return (
    <div className="space-y-4">
      {b && <BalanceStats balance={b} canManageSettings={canManageSettings} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title="Credits used"
          description={`${reported}. Click a bar for the calls that happened in it.`}
          csvHref={csv('credits')}
          testId="chart-credits"
          loading={credits.isPending}
          error={credits.error?.message}
          empty={!c?.series.length}
          controls={
            <>
              <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                <label htmlFor="credits-by" className="text-slate-600">
                  Split by
                </label>
                {/* A first breakdown key straight away: a split that is precomputed, not an empty box. */}
                <select
                  id="credits-by"
                  className={field}
                  value={view.by}
                  onChange={(e) => onChange({ ...view, by: e.target.value as Breakdown, key: view.key ?? breakdownKeys[0] })}
                >
                  {BREAKDOWNS.map((k) => (
                    <option key={k} value={k}>
                      {BY_LABEL[k]}
                    </option>
                  ))}
                </select>
                {view.by === 'meta' && (
                  <MetaKeyPicker value={view.key ?? ''} keys={breakdownKeys} onCommit={(key) => onChange({ ...view, key: key || undefined })} />
                )}
              </div>
              {view.by === 'meta' && <KeyLiveNote metaKey={view.key} keys={breakdownKeys} canManageSettings={canManageSettings} />}
            </>
          }
        >
          {c && (
            <Chart
              kind="stacked"
              data={c.rows}
              config={autoConfig(c.series)}
              label="Credits used per bucket"
              format={formatCredits}
              tickLabel={formatBucket}
              onSelect={(bucket, series) =>
                router.push(callsHref({ bucket, granularity: c.granularity, period: c.period, provider: view.provider, ...seriesFilter(view, series) }))
              }
            />
          )}
        </ChartCard>
        <ChartCard
          title="Available balance"
          description={`${reported}: the last balance reported in each bucket.`}
          csvHref={csv('balance')}
          testId="chart-balance"
          loading={balance.isPending}
          error={balance.error?.message}
          empty={!b?.series.length}
        >
          {b && (
            <Chart
              kind="line"
              data={b.rows}
              config={autoConfig(b.series)}
              label="Available credits over time"
              format={formatCredits}
              tickLabel={formatBucket}
              onSelect={(bucket, provider) => router.push(callsHref({ bucket, granularity: b.granularity, period: b.period, breakdownProvider: provider }))}
            />
          )}
        </ChartCard>
      </div>
    </div>
  );
}
