import { describe, expect, it } from 'vitest';
import { rateLimiter } from './rate';

describe('rateLimiter', () => {
  it('spaces slots 1/rate apart however many callers share it', async () => {
    const slot = rateLimiter(200); // 5 ms apart
    const started = performance.now();
    await Promise.all(Array.from({ length: 21 }, () => slot()));
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('does not wait at all without a rate', async () => {
    const slot = rateLimiter(0);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) await slot();
    expect(performance.now() - started).toBeLessThan(50);
  });
});
