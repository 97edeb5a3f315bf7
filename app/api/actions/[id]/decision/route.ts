// POST /api/actions/{id}/decision — approve (optionally with an edited payload or a WhatsApp template) or reject a pending action; approvers and admins.

import { decideAction } from '@/lib/commands/actions/decide';
import { guardedRoute } from '@/lib/handlers/route';
import { uuidParam } from '@/lib/http/uuid';
import { decisionSchema } from '@/lib/schemas/actions';

export const POST = guardedRoute(
  { guard: 'actions:decide', params: (p) => uuidParam(p.id ?? '', 'action'), body: decisionSchema },
  async ({ actor, params: id, body }) => {
    const { dispatch, ...action } = await decideAction(actor, id, body);
    return Response.json({ action, dispatch });
  },
);
