// How far a long reprocess run has got, for a person watching the command: deliveries done of
// the total, the rate, and the time left, at most once per interval so a run over millions of
// deliveries prints a line a second, not one per chunk.

export interface ProgressClock {
  /** Milliseconds, monotonic. */
  now: () => number;
}

export interface ReprocessProgress {
  done: number;
  total: number;
}

const number = (n: number) => Math.round(n).toLocaleString('en');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** One line: `12,000 of 1,000,000 deliveries (1.2%) · 4,100/s · about 4 min 01 s left`. */
export function describeProgress({ done, total }: ReprocessProgress, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const share = total > 0 ? ` (${((100 * done) / total).toFixed(1)}%)` : '';
  const left = rate > 0 ? `about ${duration(Math.max(0, total - done) / rate)} left` : 'time left unknown';
  return `${number(done)} of ${number(total)} deliveries${share} · ${number(rate)}/s · ${left}`;
}

/** A reporter that writes at most once per `intervalMs` (and always for the last step). */
export function throttledProgress(write: (line: string) => void, clock: ProgressClock = { now: () => performance.now() }, intervalMs = 1000) {
  const started = clock.now();
  let last = -Infinity;
  return (progress: ReprocessProgress) => {
    const now = clock.now();
    const finished = progress.done >= progress.total;
    if (!finished && now - last < intervalMs) return;
    last = now;
    write(describeProgress(progress, now - started));
  };
}
