import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DashboardResult, dashboardMarkdown } from './dashboard-report';
import type { PageWeight } from './page-weight';
import { type Machine, NOISY_CORES, noisy } from './report';
import type { PhaseStats } from './stats';
import type { Check } from './verify';

// bench/results/latest.json and latest.md: the four receivers side by side, the ratios of
// Callboard's ingest to each, the correctness checks, the heaviest page's JavaScript and the
// dashboard's reads at a million calls.

export const SYSTEMS = {
  database: '(1) database ceiling: storeBatch on pg, no HTTP',
  bare: '(2) framework ceiling: bare Next route',
  naive: '(3) naive receiver: Express + one INSERT',
  ingest: '(4) Callboard ingest via next start',
} as const;
export type System = keyof typeof SYSTEMS;

export interface SideBySideResult {
  finishedAt: string;
  durationSeconds: number;
  machine: Machine;
  options: { calls: number; rounds: number; concurrency: number; duplicates: number; poolMax: number; seed: number };
  phases: PhaseStats[];
  best: Record<System, PhaseStats>;
  /** Callboard's events/s divided by each other system's. */
  ratios: { database: number; bare: number; naive: number };
  checks: Check[];
  largestPage?: PageWeight;
  dashboard?: DashboardResult;
}

const ms = (n: number) => n.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function sideBySideMarkdown(r: SideBySideResult): string {
  const { machine: m, options: o } = r;
  const rows = (Object.keys(SYSTEMS) as System[]).map((s) => {
    const p = r.best[s];
    return `| ${SYSTEMS[s]} | ${p.requestsPerSecond.toFixed(0)} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.p99Ms)} | ${p.requests} |`;
  });
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  return [
    `### Side-by-side benchmark — ${r.finishedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, ${m.database === 'pglite' ? 'PGlite (NOT representative)' : m.postgres.split(' on ')[0]}.`,
    `${o.concurrency} in flight, ${o.calls} calls per round (best of ${o.rounds}), ${pct(o.duplicates)} duplicates, pool ${o.poolMax}; run took ${r.durationSeconds.toFixed(0)} s.`,
    '',
    '| system | events/s | p50 ms | p95 ms | p99 ms | events |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `- Callboard / database ceiling: **${pct(r.ratios.database)}**`,
    `- Callboard / bare Next route: **${pct(r.ratios.bare)}** (issue target ≥ 80%)`,
    `- Callboard / naive Express receiver: **${pct(r.ratios.naive)}** (issue target > 100%)`,
    `- correctness of Callboard's database: ${r.checks.every((c) => c.pass) ? 'PASS' : 'FAIL'} (${r.checks.map((c) => `${c.pass ? '✓' : '✗'} ${c.name}`).join('; ')})`,
    ...(noisy(r.phases)
      ? [`- WARNING: other processes took ≥ ${NOISY_CORES} cores during a phase (see \`cpu\` in latest.json); events/s and latency are noisy`]
      : []),
    ...(r.largestPage
      ? [
          `- largest page's JavaScript: \`${r.largestPage.page}\` ${kb(r.largestPage.gzipBytes)} gzip (${kb(r.largestPage.rawBytes)} raw, ${r.largestPage.files} files)`,
        ]
      : []),
    ...(r.dashboard ? ['', dashboardMarkdown(r.dashboard)] : []),
  ].join('\n');
}

export function writeSideBySide(result: SideBySideResult): { json: string; md: string } {
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const md = path.join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(md, `${sideBySideMarkdown(result)}\n`);
  return { json, md };
}
