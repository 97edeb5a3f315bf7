import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './options';
import { type PhaseStats, totalNon2xx } from './stats';
import type { Check } from './verify';

// The printed Markdown table and bench/results/ingest-latest.json carry the same figures; the
// JSON adds the machine, so two results are only compared when they came from alike boxes.

export const TARGET_RATIO = 0.7;
export const TARGET_P99_MS = 100;

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  database: 'postgres' | 'pglite';
  postgres: string;
}

export interface Targets {
  ratio: number;
  ratioMet: boolean;
  ingestP99Ms: number;
  p99Met: boolean;
}

export interface BenchResult {
  finishedAt: string;
  machine: Machine;
  options: Omit<BenchOptions, 'build' | 'strict' | 'dashboard'>;
  phases: PhaseStats[];
  best: { bare: PhaseStats; ingest: PhaseStats };
  targets: Targets;
  checks: Check[];
}

export function machineInfo(database: Machine['database'], postgres: string): Machine {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    database,
    postgres,
  };
}

/** Other processes busier than this during a phase make its throughput a measure of them. */
export const NOISY_CORES = 0.2;

export const noisy = (phases: readonly PhaseStats[]): boolean => phases.some((p) => (p.cpu?.other ?? 0) + (p.cpu?.steal ?? 0) >= NOISY_CORES);

export function targetsFor(bare: PhaseStats, ingest: PhaseStats): Targets {
  const ratio = ingest.requestsPerSecond / bare.requestsPerSecond;
  return { ratio, ratioMet: ratio >= TARGET_RATIO, ingestP99Ms: ingest.p99Ms, p99Met: ingest.p99Ms < TARGET_P99_MS };
}

const ms = (v: number) => v.toFixed(1);
const cpu = (p: PhaseStats) => (p.cpu ? [p.cpu.server, p.cpu.postgres, p.cpu.client, p.cpu.other, p.cpu.steal].map((v) => v.toFixed(2)).join(' / ') : 'n/a');
/** CPU milliseconds per request: unlike req/s, barely moved by other load on the machine. */
const perRequest = (p: PhaseStats) =>
  p.cpu ? [p.cpu.server, p.cpu.postgres].map((cores) => ((cores * p.durationMs) / p.requests).toFixed(2)).join(' / ') : 'n/a';
const statuses = (p: PhaseStats) =>
  totalNon2xx(p) === 0
    ? '0'
    : Object.entries(p.non2xx)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');

function row(p: PhaseStats, label: string): string {
  const cells = [
    label,
    String(p.round),
    String(p.requests),
    (p.durationMs / 1000).toFixed(2),
    p.requestsPerSecond.toFixed(0),
    ms(p.p50Ms),
    ms(p.p95Ms),
    ms(p.p99Ms),
    ms(p.maxMs),
    statuses(p),
    cpu(p),
    perRequest(p),
  ];
  return `| ${cells.join(' | ')} |`;
}

export function markdown(result: BenchResult): string {
  const { machine, best, targets } = result;
  const label = (p: PhaseStats) =>
    (p.endpoint === 'bare' ? 'bare `/api/bench/bare`' : 'ingest `/api/webhooks/*`') +
    ((p.endpoint === 'bare' ? best.bare : best.ingest) === p ? ' **best**' : '');
  const lines = [
    `### Ingest benchmark — ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, ${machine.database === 'pglite' ? 'PGlite (NOT representative)' : machine.postgres.split(' on ')[0]}`,
    '',
    `${result.options.concurrency} in flight, ${result.options.calls} calls per round, ${Math.round(result.options.duplicates * 100)}% duplicates, DATABASE_POOL_MAX=${result.options.poolMax}`,
    '',
    '| endpoint | round | requests | seconds | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | cores: server / pg / client / other / steal | CPU ms/req: server / pg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
    ...result.phases.map((p) => row(p, label(p))),
    '',
    `- ingest / bare throughput: **${(targets.ratio * 100).toFixed(0)}%** (target ≥ ${TARGET_RATIO * 100}%) — ${targets.ratioMet ? 'met' : 'MISSED'}`,
    `- ingest p99: **${ms(targets.ingestP99Ms)} ms** (target < ${TARGET_P99_MS} ms) — ${targets.p99Met ? 'met' : 'MISSED'}`,
    `- correctness: ${result.checks.every((c) => c.pass) ? 'PASS' : 'FAIL'}`,
    ...(machine.database === 'pglite' ? ['- PGlite runs inside the bench process: its CPU is in the client column'] : []),
    ...(noisy(result.phases)
      ? [`- WARNING: other processes or the hypervisor took ≥ ${NOISY_CORES} cores during a phase; req/s and latency are noisy, CPU ms/req less so`]
      : []),
  ];
  return lines.join('\n');
}

export function writeResult(result: BenchResult): string {
  const file = path.resolve('bench/results/ingest-latest.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
