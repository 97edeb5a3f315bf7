// POST /api/actions/{id}/undo — take back a decision while its undo window (APPROVAL_UNDO_SECONDS) is open: pending again, nothing sent; approvers and admins.

import { undoDecision } from '@/lib/commands/actions/undo';
import { guardedRoute } from '@/lib/handlers/route';
import { uuidParam } from '@/lib/http/uuid';

export const POST = guardedRoute({ guard: 'actions:decide', params: (p) => uuidParam(p.id ?? '', 'action') }, async ({ actor, params: id }) =>
  Response.json({ action: await undoDecision(actor, id) }),
);
