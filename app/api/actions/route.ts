// GET /api/actions — actions raised by calls, oldest first; ?status=pending for the queue (session or Bearer token).
import { requireActor } from '@/lib/auth/actor';
import { errorResponse } from '@/lib/http/errors';
import { listActions } from '@/lib/queries/actions';
import { actionFiltersSchema } from '@/lib/schemas/actions';
import { searchParamsObject } from '@/lib/schemas/calls';

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'actions:read');
    const filters = actionFiltersSchema.parse(searchParamsObject(new URL(request.url).searchParams));
    return Response.json({ actions: await listActions(actor, filters) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
