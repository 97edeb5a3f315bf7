import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';
import { listOtherCalls } from '@/lib/queries/calls/detail';
import { insertCall } from '@/test/calls';

// "Other calls with this number" on the call page: the customer's calls by when they happened,
// and, for a viewer, masked with everything any of those calls names about the customer (the
// same person), so a name one call holds in its metadata is hidden in another call's summary.

const actor = (role: Role): Actor => ({ userId: `test-${role}`, email: `${role}@test.callboard`, role, via: 'session' });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe('other calls with this number', () => {
  it('are ordered by when they happened, not by their latest activity', async () => {
    const number = `+9198${String(Date.now()).slice(-8)}`;
    const current = await insertCall('other-order', { customerNumber: number, occurredAt: hoursAgo(1), lastEventAt: hoursAgo(1) });
    // Happened two days ago, but a late event arrived just now.
    const older = await insertCall('other-order', { customerNumber: number, occurredAt: hoursAgo(48), lastEventAt: new Date() });
    const newer = await insertCall('other-order', { customerNumber: number, occurredAt: hoursAgo(24), lastEventAt: hoursAgo(24) });
    const others = await listOtherCalls(actor('approver'), current.id);
    expect(others.map((c) => c.id)).toEqual([newer.id, older.id]);
  });

  it("a viewer reads none of the customer's name in another call's summary, when only the current call names it", async () => {
    const number = `+9197${String(Date.now()).slice(-8)}`;
    const current = await insertCall('other-mask', { customerNumber: number, metadata: { customer_name: 'Karthik Raman' } });
    await insertCall('other-mask', { customerNumber: number, summary: 'Karthik Raman cancelled the cash-on-delivery order.', occurredAt: hoursAgo(30) });
    const seen = JSON.stringify(await listOtherCalls(actor('viewer'), current.id));
    expect(seen).toContain('cancelled the cash-on-delivery order');
    expect(seen).not.toContain('Karthik');
    expect(seen).not.toContain('Raman');
    // Approvers act on orders and read the summary whole.
    expect(JSON.stringify(await listOtherCalls(actor('approver'), current.id))).toContain('Karthik Raman');
  });
});
