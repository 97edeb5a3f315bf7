'use client';
import { Chart, type ChartRow } from '@/components/charts/chart';
import { ChartCard } from '@/components/charts/chart-card';
import { useDisplayZone } from '@/components/local-time';
import { timeBasisCaption } from '@/lib/analytics/captions';
import { limitWords } from '@/lib/analytics/decisions';
import type { DecisionsChart } from '@/lib/analytics/types';
import { formatWait } from '@/lib/format';
import { analyticsPath, useAnalytics } from '@/lib/hooks/use-analytics';
import { formatBucket, formatCount } from './format';

// How fast decisions are made (issue 18): time from an action raised to its decision, p50 and p90
// per bucket and per approver, and how many waited past the waiting_approval rule's limit.

const minutes = (seconds: number | null) => (seconds === null ? undefined : Math.round((seconds / 60) * 10) / 10);
/** Axis ticks and tooltips alike: short enough for the axis ("90 min", not "1 h 30 min"). */
const formatMinutes = (m: number) => `${m.toLocaleString('en', { maximumFractionDigits: 1 })} min`;

function waitRows(chart: DecisionsChart): ChartRow[] {
  // A bucket where nothing was decided has no wait: left out so the line bridges it, not drawn at 0.
  return chart.rows.map((r) => {
    const row: ChartRow = { bucket: r.bucket };
    const p50 = minutes(r.p50);
    const p90 = minutes(r.p90);
    if (p50 !== undefined) row.p50 = p50;
    if (p90 !== undefined) row.p90 = p90;
    return row;
  });
}

export function DecisionsSection({ params }: { params: URLSearchParams }) {
  const { zone } = useDisplayZone();
  const decisions = useAnalytics('decisions', params);
  const d = decisions.data;
  const csvHref = `${analyticsPath('decisions')}?${params.toString()}&format=csv`;
  const raised = timeBasisCaption('raised', zone);
  const limit = d ? limitWords(d.limit) : '…';
  const empty = !d || d.total.raised === 0;
  return (
    <div className="space-y-4" data-testid="decisions-section">
      <p className="text-sm text-slate-500" data-testid="decisions-caption">
        {raised}. Time from an action raised to its approval or rejection; past the limit means it waited over {limit} (the waiting-approval alert's limit),
        decided late or still pending.
      </p>
      {d && (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="decision-stats">
          {[
            { label: 'Half decided within (p50)', value: formatWait(d.total.p50), testId: 'decision-p50' },
            { label: '9 in 10 decided within (p90)', value: formatWait(d.total.p90), testId: 'decision-p90' },
            {
              label: `Waited past ${formatWait(d.limit.minutes * 60)}`,
              value: `${formatCount(d.total.late)} of ${formatCount(d.total.raised)}`,
              testId: 'decision-late',
            },
            { label: 'Still waiting', value: formatCount(d.total.waiting), testId: 'decision-waiting' },
          ].map((s) => (
            <div key={s.testId} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-500">{s.label}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={s.testId}>
                {s.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ChartCard
            title="Time to decision"
            description={`${raised}. Minutes from raised to decided.`}
            csvHref={csvHref}
            testId="chart-decision-time"
            loading={decisions.isPending}
            error={decisions.error?.message}
            empty={!d || d.total.decided === 0}
          >
            {d && (
              <Chart
                kind="line"
                data={waitRows(d)}
                config={{ p50: { label: 'p50', color: 'sky-400' }, p90: { label: 'p90', color: 'violet-600' } }}
                label="Time to decision per bucket, p50 and p90, in minutes"
                format={formatMinutes}
                tickLabel={formatBucket}
              />
            )}
          </ChartCard>
        </div>
        <ChartCard
          title="Waited past the limit"
          description={`${raised}. Over ${limit}.`}
          csvHref={csvHref}
          testId="chart-decision-late"
          loading={decisions.isPending}
          error={decisions.error?.message}
          empty={empty}
        >
          {d && (
            <Chart
              kind="bar"
              data={d.rows.map((r) => ({ bucket: r.bucket, late: r.late }))}
              config={{ late: { label: 'Past the limit', color: 'orange-500' } }}
              label="Actions that waited past the limit, per bucket"
              format={formatCount}
              tickLabel={formatBucket}
              integer
            />
          )}
        </ChartCard>
      </div>
      {d && d.approvers.length > 0 && <ApproversTable chart={d} />}
    </div>
  );
}

function ApproversTable({ chart }: { chart: DecisionsChart }) {
  const cell = 'px-4 py-2 text-right whitespace-nowrap tabular-nums';
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-labelledby="decision-approvers-heading">
      <h3 id="decision-approvers-heading" className="px-4 pt-3 text-sm font-semibold text-slate-900">
        By approver
      </h3>
      {/* A phone gets one block per approver; a wider screen the table. */}
      <ul className="divide-y divide-slate-100 sm:hidden">
        {chart.approvers.map((a) => (
          <li key={a.approver} className="px-4 py-2 text-sm">
            <p className="break-all text-slate-900">{a.approver}</p>
            <p className="text-xs text-slate-600 tabular-nums">
              {formatCount(a.decided)} decisions · p50 {formatWait(a.p50)} · p90 {formatWait(a.p90)} · {formatCount(a.late)} past the limit
            </p>
          </li>
        ))}
      </ul>
      <table className="hidden min-w-full text-sm sm:table" data-testid="decision-approvers">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Approver
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Decisions
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              p50
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              p90
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Past the limit
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {chart.approvers.map((a) => (
            <tr key={a.approver}>
              <td className="px-4 py-2 break-all text-slate-900">{a.approver}</td>
              <td className={cell}>{formatCount(a.decided)}</td>
              <td className={cell}>{formatWait(a.p50)}</td>
              <td className={cell}>{formatWait(a.p90)}</td>
              <td className={cell}>{formatCount(a.late)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
