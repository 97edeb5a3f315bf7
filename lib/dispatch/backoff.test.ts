import { describe, expect, it } from 'vitest';
import { backoffDelayMs, isRetryableStatus, nextRetryDelayMs, parseRetryAfter, type RetryPolicy } from './backoff';

const policy: RetryPolicy = { maxAttempts: 8, baseMs: 60_000, factor: 3, maxMs: 12 * 3600_000 };
const middle = () => 0.5;

describe('backoff', () => {
  it('grows ×3 from a minute and caps at 12 hours; eight attempts span most of a day', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelayMs(n, policy, middle));
    expect(delays).toEqual([60_000, 180_000, 540_000, 1_620_000, 4_860_000, 14_580_000, 43_200_000]);
    const hours = delays.reduce((a, b) => a + b, 0) / 3600_000;
    expect(hours).toBeGreaterThan(16);
    expect(hours).toBeLessThan(26);
  });

  it('jitters within ±20%', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(48_000);
    expect(backoffDelayMs(1, policy, () => 0.999_999)).toBe(72_000);
  });

  it('gives up after the last attempt and otherwise prefers Retry-After', () => {
    expect(nextRetryDelayMs(8, policy, null, middle)).toBeNull();
    expect(nextRetryDelayMs(8, policy, 5_000, middle)).toBeNull();
    expect(nextRetryDelayMs(2, policy, 5_000, middle)).toBe(5_000);
    expect(nextRetryDelayMs(2, policy, null, middle)).toBe(180_000);
  });

  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Wed, 21 Oct 2026 07:28:30 GMT', 30_000],
    ['Wed, 21 Oct 2026 07:27:00 GMT', 0],
    ['999999999', 86_400_000],
    ['soon', null],
    [null, null],
  ])('reads Retry-After %s', (value, expected) => {
    expect(parseRetryAfter(value, new Date('2026-10-21T07:28:00Z'))).toBe(expected);
  });

  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [422, false],
    [302, false],
  ])('status %i retryable: %s', (status, retryable) => expect(isRetryableStatus(status)).toBe(retryable));
});
