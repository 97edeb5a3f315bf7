import { type CsvValue, csvRow } from '@/lib/csv';
import type { ActionsChart, BalanceChart, DecisionsChart, SeriesChart, SummaryChart } from './types';

// The numbers behind each chart as CSV: exactly what the chart draws, one row per bar or point.

export function csvText(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${csvRow(header)}${rows.map(csvRow).join('')}`;
}

export function seriesCsv(chart: SeriesChart): string {
  return csvText(
    ['bucket', ...chart.series],
    chart.rows.map((r) => [r.bucket, ...chart.series.map((s) => r[s] ?? 0)]),
  );
}

export function balanceCsv(chart: BalanceChart): string {
  // Gaps stay empty: a day with no report has no known balance, which is not zero.
  return csvText(
    ['bucket', ...chart.series],
    chart.rows.map((r) => [r.bucket, ...chart.series.map((s) => (typeof r[s] === 'number' ? r[s] : null))]),
  );
}

export function summaryCsv(chart: SummaryChart): string {
  const rows: CsvValue[][] = Object.entries(chart.deltas).map(([metric, d]) => [metric, d.current, d.previous, d.change, d.percent]);
  for (const f of chart.failures) rows.push([`failures.${f.reason}`, f.calls, null, null, null]);
  return csvText(['metric', 'current', 'previous', 'change', 'percent_change'], rows);
}

export function actionsCsv(chart: ActionsChart): string {
  return csvText(
    ['stage', 'actions'],
    chart.rows.map((r) => [r.stage, r.actions]),
  );
}

/** One row per bucket; waits in seconds, empty where nothing was decided. */
export function decisionsCsv(chart: DecisionsChart): string {
  return csvText(
    ['bucket', 'raised', 'decided', 'waiting', 'p50_seconds', 'p90_seconds', 'waited_past_limit'],
    chart.rows.map((r) => [r.bucket, r.raised, r.decided, r.waiting, r.p50, r.p90, r.late]),
  );
}
