// GET /api/actions/{id} — one action's whole life: call, decision, edit, outbox, every attempt (session or Bearer token).
import { requireActor } from '@/lib/auth/actor';
import { AppError, errorResponse } from '@/lib/http/errors';
import { uuidParam } from '@/lib/http/uuid';
import { getActionDetail } from '@/lib/queries/action-detail';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor(request, 'actions:read');
    const id = uuidParam((await params).id, 'action');
    const action = await getActionDetail(actor, id);
    if (!action) throw new AppError(404, 'not_found', `No action with id ${id}`);
    return Response.json({ action });
  } catch (error) {
    return errorResponse(error);
  }
}
