// GET /api/calls/{id} — one call with its timeline, transcript, analysis, credits and actions.
import { requireActor } from '@/lib/auth/actor';
import { AppError, errorResponse } from '@/lib/http/errors';
import { getCall } from '@/lib/queries/calls';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor(request, 'calls:read');
    const { id } = await params;
    const call = UUID.test(id) ? await getCall(actor, id) : null;
    if (!call) throw new AppError(404, 'not_found', `No call with id ${id}`);
    return Response.json({ call });
  } catch (error) {
    return errorResponse(error);
  }
}
