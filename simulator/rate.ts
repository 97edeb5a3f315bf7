// A shared pacing clock for --rate: each caller waits for the next free slot, so the total
// rate holds however many workers share it (a token bucket of size one, without bursts).

export function rateLimiter(perSecond: number): () => Promise<void> {
  if (!(perSecond > 0)) return () => Promise.resolve();
  const gap = 1000 / perSecond;
  let nextAt = 0;
  return () => {
    const now = performance.now();
    const at = Math.max(now, nextAt);
    nextAt = at + gap;
    const wait = at - now;
    return wait < 1 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
  };
}
