import { beforeEach, describe, expect, it, vi } from 'vitest';

const scheduled: (() => Promise<void>)[] = [];
vi.mock('next/server', () => ({ after: (callback: () => Promise<void>) => void scheduled.push(callback) }));
const drainOutbox = vi.fn(async (_options: object) => ({ claimed: 0, sent: 0, retried: 0, failed: 0, needsCheck: 0, lost: 0 }));
vi.mock('./drain', () => ({ drainOutbox }));

const { drainAlertsSoon, drainSoon } = await import('./drain-soon');

describe('drainSoon', () => {
  beforeEach(() => {
    scheduled.length = 0;
    drainOutbox.mockClear();
  });

  it('coalesces the ids a request schedules (a bulk decision, one commit each) into one drain, ten at a time', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
    for (const id of ids) drainSoon([id]);
    drainSoon([]);
    drainSoon(['a0']);
    expect(scheduled).toHaveLength(1);
    await scheduled[0]?.();
    expect(drainOutbox).toHaveBeenCalledTimes(1);
    expect(drainOutbox).toHaveBeenCalledWith(expect.objectContaining({ actionIds: ids, limit: 10, deadline: expect.any(Number) }));
  });

  it('starts a new batch once the last one has been taken', async () => {
    drainSoon(['b1']);
    await scheduled[0]?.();
    drainSoon(['b2']);
    expect(scheduled).toHaveLength(2);
    await scheduled[1]?.();
    expect(drainOutbox).toHaveBeenLastCalledWith(expect.objectContaining({ actionIds: ['b2'], limit: 1 }));
  });

  it('waits until the undo window has closed before draining (the rows are not claimable before)', async () => {
    const notBefore = new Date(Date.now() + 120);
    drainSoon(['c1'], notBefore);
    drainSoon(['c2'], new Date(Date.now() + 60));
    expect(scheduled).toHaveLength(1);
    const started = Date.now();
    await scheduled[0]?.();
    expect(Date.now()).toBeGreaterThanOrEqual(notBefore.getTime());
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(drainOutbox).toHaveBeenCalledWith(expect.objectContaining({ actionIds: ['c1', 'c2'] }));
  });

  it('sends alert notifications at once, beside the actions of the same request, whose undo window they do not wait for', async () => {
    drainSoon(['d1'], new Date(Date.now() + 150));
    drainAlertsSoon(['alert1']);
    drainAlertsSoon(['alert2', 'alert1']);
    expect(scheduled).toHaveLength(1);
    const started = Date.now();
    const flush = scheduled[0]?.();
    await vi.waitFor(() => expect(drainOutbox).toHaveBeenCalledWith(expect.objectContaining({ alertIds: ['alert1', 'alert2'] })));
    expect(Date.now() - started).toBeLessThan(100);
    expect(drainOutbox).toHaveBeenCalledTimes(1);
    await flush;
    expect(drainOutbox).toHaveBeenCalledTimes(2);
    expect(drainOutbox).toHaveBeenLastCalledWith(expect.objectContaining({ actionIds: ['d1'] }));
    const [alerts, actions] = drainOutbox.mock.calls.map((call) => call[0]);
    expect(alerts).not.toHaveProperty('actionIds');
    expect(actions).not.toHaveProperty('alertIds');
  });
});
