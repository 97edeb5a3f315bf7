import type { Machine } from './report';

// bench/results/dashboard-latest.json and its Markdown table, shared by `npm run bench:dashboard`
// and `npm run bench` (which folds the same result into latest.json and latest.md).

export interface DashboardRead {
  name: string;
  path: string;
  p50: number;
  p95: number;
  max: number;
  status: number;
}

export interface DashboardResult {
  finishedAt: string;
  machine: Machine;
  data: { calls: number; events: number } | undefined;
  samples: number;
  /** Seconds spent seeding, when this run seeded (a reused database was seeded before). */
  seedSeconds: number | null;
  results: DashboardRead[];
}

/** The issues' targets at p95: a chart's query under 200 ms (issue 7), any other read under 100 ms (issue 5). */
export const targetMs = (read: DashboardRead) => (read.name.startsWith('analytics:') ? 200 : 100);

export function dashboardMarkdown(r: DashboardResult): string {
  const n = (x: number | undefined) => (x ?? 0).toLocaleString('en');
  return [
    `### Dashboard reads — ${n(r.data?.calls)} calls, ${n(r.data?.events)} events, ${r.samples} requests each`,
    '',
    '| read | p50 ms | p95 ms | max ms | target (p95) |',
    '|---|---:|---:|---:|---|',
    ...r.results.map(
      (x) => `| ${x.name} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.max.toFixed(1)} | < ${targetMs(x)} ms ${x.p95 < targetMs(x) ? 'yes' : '**NO**'} |`,
    ),
    '',
    `Server time as the client sees it over loopback, one request at a time, via the JSON API, as a signed-in approver.${r.seedSeconds === null ? '' : ` Seeding took ${r.seedSeconds.toFixed(0)} s.`}`,
  ].join('\n');
}
