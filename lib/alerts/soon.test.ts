import { beforeEach, describe, expect, it, vi } from 'vitest';

const scheduled: (() => Promise<void>)[] = [];
let inRequest = true;
vi.mock('next/server', () => ({
  after: (callback: () => Promise<void>) => {
    if (!inRequest) throw new Error('`after` was called outside a request scope');
    scheduled.push(callback);
  },
}));

const { evaluateAlertsSoon, MIN_GAP_MS, registerAlertEvaluator } = await import('./soon');

describe('evaluateAlertsSoon', () => {
  const evaluate = vi.fn(async (_rules: string[]) => undefined);
  beforeEach(() => {
    scheduled.length = 0;
    inRequest = true;
    evaluate.mockReset();
    registerAlertEvaluator(evaluate);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
  });

  it('does nothing until an evaluation is registered', () => {
    registerAlertEvaluator(null);
    evaluateAlertsSoon(['waiting_approval']);
    expect(scheduled).toHaveLength(0);
  });

  it('coalesces what a request asks for into one evaluation after the response', async () => {
    vi.setSystemTime(Date.now() + 10 * MIN_GAP_MS);
    evaluateAlertsSoon(['waiting_approval']);
    evaluateAlertsSoon(['provider_refusing', 'waiting_approval']);
    evaluateAlertsSoon([]);
    expect(scheduled).toHaveLength(1);
    expect(evaluate).not.toHaveBeenCalled();
    await scheduled[0]?.();
    expect(evaluate).toHaveBeenCalledTimes(1);
    expect(evaluate.mock.calls[0]?.[0].sort()).toEqual(['provider_refusing', 'waiting_approval']);
  });

  it('waits out the minimum gap after the last evaluation, gathering what arrives meanwhile', async () => {
    vi.setSystemTime(Date.now() + 10 * MIN_GAP_MS);
    evaluateAlertsSoon(['dispatch_failed']);
    await scheduled[0]?.();
    evaluateAlertsSoon(['waiting_approval']);
    expect(scheduled).toHaveLength(2);
    const second = scheduled[1]?.();
    evaluateAlertsSoon(['low_credits']);
    await vi.advanceTimersByTimeAsync(MIN_GAP_MS);
    await second;
    expect(evaluate).toHaveBeenCalledTimes(2);
    expect(evaluate.mock.calls[1]?.[0].sort()).toEqual(['low_credits', 'waiting_approval']);
  });

  it('a failing evaluation is logged, never thrown at the write; outside a request nothing is scheduled', async () => {
    vi.setSystemTime(Date.now() + 10 * MIN_GAP_MS);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    evaluate.mockRejectedValueOnce(new Error('database down'));
    evaluateAlertsSoon(['waiting_approval']);
    await expect(scheduled[0]?.()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/cron will evaluate again/), expect.any(Error));
    error.mockRestore();
    inRequest = false;
    expect(() => evaluateAlertsSoon(['waiting_approval'])).not.toThrow();
    expect(scheduled).toHaveLength(1);
  });
});
