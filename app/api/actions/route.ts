// GET /api/actions — actions raised by calls, oldest first; ?status=pending for the queue (Bearer token).
import { requireToken } from '@/lib/auth/require-token';
import { errorResponse } from '@/lib/http/errors';
import { listActions } from '@/lib/queries/actions';
import { actionFiltersSchema, searchParamsObject } from '@/lib/schemas/calls';

export async function GET(request: Request): Promise<Response> {
  try {
    await requireToken(request);
    const filters = actionFiltersSchema.parse(searchParamsObject(new URL(request.url).searchParams));
    return Response.json({ actions: await listActions(filters) });
  } catch (error) {
    return errorResponse(error);
  }
}
