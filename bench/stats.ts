import type { CpuShare } from './cpu';
import type { Endpoint, LoadResult } from './load';

// One measured phase reduced to the figures the issue asks for.

export interface PhaseStats {
  endpoint: Endpoint;
  round: number;
  requests: number;
  durationMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Count per non-2xx status (`network`, `timeout` for no answer). */
  non2xx: Record<string, number>;
  firstFailure?: string;
  cpu?: CpuShare;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(endpoint: Endpoint, round: number, load: LoadResult, cpu: CpuShare | undefined): PhaseStats {
  const sorted = Float64Array.from(load.latenciesMs).sort();
  const non2xx = Object.fromEntries(Object.entries(load.byStatus).filter(([status]) => !/^2\d\d$/.test(status)));
  return {
    endpoint,
    round,
    requests: load.requests,
    durationMs: load.durationMs,
    requestsPerSecond: load.requests / (load.durationMs / 1000),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    non2xx,
    ...(load.firstFailure ? { firstFailure: load.firstFailure } : {}),
    ...(cpu ? { cpu } : {}),
  };
}

/** The round with the highest throughput: noise on a shared 2-core box only ever slows a round. */
export function best(phases: readonly PhaseStats[], endpoint: Endpoint): PhaseStats {
  const mine = phases.filter((p) => p.endpoint === endpoint);
  const top = mine.reduce<PhaseStats | undefined>((a, b) => (a && a.requestsPerSecond >= b.requestsPerSecond ? a : b), undefined);
  if (!top) throw new Error(`no ${endpoint} phase was measured`);
  return top;
}

export const totalNon2xx = (p: PhaseStats): number => Object.values(p.non2xx).reduce((a, b) => a + b, 0);
