import { describe, expect, it } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import { commonRejectReasons, USUAL_REJECT_REASONS } from '@/lib/queries/actions/common-reasons';
import { approver, orderPayload, seedActions } from '@/test/dispatch';

// The queue's one-click reasons: what this team writes most when it rejects, else the usual ones.

describe('common reject reasons', () => {
  it('offers the usual reasons to a team that has written none twice', async () => {
    expect(await commonRejectReasons(approver)).toEqual(USUAL_REJECT_REASONS);
  });

  it("puts the team's own most common reasons first, trimmed and case-folded, topped up with the usual ones", async () => {
    const ids = await seedActions(6, 'create_order', (i) => orderPayload(`reasons-${i}`));
    const notes = ['Wrong pin code', ' wrong PIN code ', 'Wrong pin code', 'Customer already ordered', 'customer already ordered', 'Said once only'];
    for (const [i, id] of ids.entries()) await decideAction(approver, id, { decision: 'reject', note: notes[i] });
    const reasons = await commonRejectReasons(approver);
    expect(reasons.slice(0, 2).map((r) => r.toLowerCase())).toEqual(['wrong pin code', 'customer already ordered']);
    expect(reasons).not.toContain('Said once only');
    expect(reasons).toHaveLength(5);
    expect(reasons.slice(2)).toEqual(USUAL_REJECT_REASONS.slice(0, 3));
  });
});
