'use client';
import { useMemo } from 'react';
import { ChartCard } from '@/components/charts/chart-card';
import { useDisplayZone, ZoneNote } from '@/components/local-time';
import type { RollupCoverage } from '@/lib/analytics/types';
import { analyticsApiParams } from '@/lib/analytics/url';
import { useAnalytics } from '@/lib/hooks/use-analytics';
import { AnalyticsFilters } from './analytics-filters';
import { CallsSection } from './calls-section';
import { CreditsSection } from './credits-section';
import { DecisionsSection } from './decisions-section';
import { HeadlineCards } from './headline-cards';
import { ZoneLiveNote } from './live-notes';
import { useAnalyticsUrl } from './use-analytics-url';

// Days are counted in the zone every time on the page is shown in (the team's, else the
// browser's) — the same zone the calls list uses, so a click-through lands on the same days.

export function AnalyticsView({
  providers,
  rollups,
  canManageSettings,
  canReadActions,
}: {
  providers: { id: string; label: string }[];
  rollups: RollupCoverage;
  canManageSettings: boolean;
  canReadActions: boolean;
}) {
  const [view, setView] = useAnalyticsUrl();
  const { zone, team } = useDisplayZone();
  const params = useMemo(() => analyticsApiParams(view, zone), [view, zone]);
  const summary = useAnalytics('summary', params);
  const s = summary.data;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-xl font-semibold">Analytics</h1>
          <p className="text-sm text-slate-500">
            {s ? `${s.period.from} – ${s.period.to}, compared with ${s.previousPeriod.from} – ${s.previousPeriod.to}. ` : ''}
            <span data-testid="time-basis-note">Calls by when they happened, credits by when the provider reported them. </span>
            <ZoneNote />
          </p>
          <ZoneLiveNote zone={zone} rollupZone={rollups.zone} team={team} canManageSettings={canManageSettings} />
        </div>
        <div className="ml-auto">
          <AnalyticsFilters view={view} timeZone={zone} providers={providers} onChange={setView} />
        </div>
      </div>
      {summary.error ? (
        <ChartCard title="Headline numbers" error={summary.error.message}>
          {null}
        </ChartCard>
      ) : s ? (
        <HeadlineCards summary={s} />
      ) : (
        <div className="h-24 animate-pulse rounded-lg bg-slate-100" aria-busy="true" />
      )}
      <section className="space-y-3">
        <h2 className="text-base font-semibold">Calls</h2>
        <CallsSection view={view} params={params} summary={s} canReadActions={canReadActions} />
      </section>
      <section className="space-y-3">
        <h2 className="text-base font-semibold">Credits</h2>
        <CreditsSection view={view} params={params} breakdownKeys={rollups.keys} canManageSettings={canManageSettings} onChange={setView} />
      </section>
      {canReadActions && (
        <section className="space-y-3" aria-labelledby="decisions-heading">
          <h2 id="decisions-heading" className="text-base font-semibold">
            How fast decisions are made
          </h2>
          <DecisionsSection params={params} />
        </section>
      )}
    </div>
  );
}
