// GET /api/calls — calls, newest activity first, keyset-paginated and filtered (session or Bearer token).
import { requireActor } from '@/lib/auth/actor';
import { errorResponse } from '@/lib/http/errors';
import { listCalls } from '@/lib/queries/calls';
import { callFiltersSchema, searchParamsObject } from '@/lib/schemas/calls';

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'calls:read');
    const filters = callFiltersSchema.parse(searchParamsObject(new URL(request.url).searchParams));
    return Response.json(await listCalls(actor, filters));
  } catch (error) {
    return errorResponse(error);
  }
}
