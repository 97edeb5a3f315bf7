// POST /api/actions/{id}/decision — approve or reject a pending action ({"decision", "note"?}); approvers and admins.
import { z } from 'zod';
import { requireActor } from '@/lib/auth/actor';
import { AppError, errorResponse } from '@/lib/http/errors';
import { decideAction } from '@/lib/queries/decide-action';

const body = z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(1000).optional() });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor(request, 'actions:decide');
    const { id } = await params;
    if (!UUID.test(id)) throw new AppError(404, 'not_found', `No action with id ${id}`);
    const input = body.parse(await request.json().catch(() => ({})));
    return Response.json({ action: await decideAction(actor, id, input.decision, input.note) });
  } catch (error) {
    return errorResponse(error);
  }
}
