import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decideAction } from '@/lib/commands/actions/decide';
import { commonRejectReasons } from '@/lib/queries/actions/common-reasons';
import { approver, orderPayload, seedActions } from '@/test/dispatch';

// The queue's one-click reasons: what this team writes most when it rejects, else the usual ones.
// The file's database may keep earlier runs' rejections, so the reasons here are marked as this run's.

describe('common reject reasons', () => {
  it("puts the team's own most common reasons first, trimmed and case-folded; a reason given once is not offered", async () => {
    const run = randomUUID().slice(0, 6);
    const notes = [
      ...Array.from({ length: 12 }, (_, i) => (i % 2 ? ` wrong PIN code ${run} ` : `Wrong pin code ${run}`)),
      ...Array.from({ length: 10 }, () => `Customer already ordered ${run}`),
      `Said once only ${run}`,
    ];
    const ids = await seedActions(notes.length, 'create_order', (i) => orderPayload(`reasons-${run}-${i}`));
    for (const [i, id] of ids.entries()) await decideAction(approver, id, { decision: 'reject', note: notes[i] });
    const reasons = await commonRejectReasons(approver);
    expect(reasons.slice(0, 2).map((r) => r.toLowerCase())).toEqual([`wrong pin code ${run}`, `customer already ordered ${run}`]);
    expect(reasons).not.toContain(`Said once only ${run}`);
    expect(reasons).toHaveLength(5);
  });
});
