// POST /api/actions/{id}/redispatch — send a failed, needs-check or never-sent action again, same idempotency key; approvers and admins.
import { requireActor } from '@/lib/auth/actor';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { errorResponse } from '@/lib/http/errors';
import { uuidParam } from '@/lib/http/uuid';
import { redispatchAction } from '@/lib/queries/redispatch-action';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor(request, 'actions:decide');
    const id = uuidParam((await params).id, 'action');
    const result = await redispatchAction(actor, id);
    drainSoon([id]);
    return Response.json({ action: result });
  } catch (error) {
    return errorResponse(error);
  }
}
