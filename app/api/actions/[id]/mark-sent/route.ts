// POST /api/actions/{id}/mark-sent — close a needs-check action that a person found did arrive ({"reference"?}); approvers and admins.
import { requireActor } from '@/lib/auth/actor';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/json-body';
import { uuidParam } from '@/lib/http/uuid';
import { markActionSent } from '@/lib/queries/mark-action-sent';
import { markSentSchema } from '@/lib/schemas/actions';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor(request, 'actions:decide');
    const id = uuidParam((await params).id, 'action');
    const { reference } = markSentSchema.parse(await readJsonBody(request));
    return Response.json({ action: await markActionSent(actor, id, reference ?? null) });
  } catch (error) {
    return errorResponse(error);
  }
}
