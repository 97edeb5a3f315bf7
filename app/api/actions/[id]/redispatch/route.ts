// POST /api/actions/{id}/redispatch — send a failed, needs-check or never-sent action again, same idempotency key; approvers and admins.

import { redispatchAction } from '@/lib/commands/actions/redispatch';
import { guardedRoute } from '@/lib/handlers/route';
import { uuidParam } from '@/lib/http/uuid';

export const POST = guardedRoute({ guard: 'actions:decide', params: (p) => uuidParam(p.id ?? '', 'action') }, async ({ actor, params: id }) =>
  Response.json({ action: await redispatchAction(actor, id) }),
);
