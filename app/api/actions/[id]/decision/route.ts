// POST /api/actions/{id}/decision — approve (optionally with an edited payload or a WhatsApp template) or reject a pending action; approvers and admins.
import { requireActor } from '@/lib/auth/actor';
import { drainSoon } from '@/lib/dispatch/drain-soon';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/json-body';
import { uuidParam } from '@/lib/http/uuid';
import { decideAction } from '@/lib/queries/decide-action';
import { decisionSchema } from '@/lib/schemas/actions';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor(request, 'actions:decide');
    const id = uuidParam((await params).id, 'action');
    const input = decisionSchema.parse(await readJsonBody(request));
    const { dispatch, ...action } = await decideAction(actor, id, input);
    if (dispatch?.status === 'queued') drainSoon([id]);
    return Response.json({ action, dispatch });
  } catch (error) {
    return errorResponse(error);
  }
}
