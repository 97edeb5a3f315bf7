// GET /api/calls — calls, newest activity first, keyset-paginated and filtered (Bearer token).
import { requireToken } from '@/lib/auth/require-token';
import { errorResponse } from '@/lib/http/errors';
import { listCalls } from '@/lib/queries/calls';
import { callFiltersSchema, searchParamsObject } from '@/lib/schemas/calls';

export async function GET(request: Request): Promise<Response> {
  try {
    await requireToken(request);
    const filters = callFiltersSchema.parse(searchParamsObject(new URL(request.url).searchParams));
    return Response.json(await listCalls(filters));
  } catch (error) {
    return errorResponse(error);
  }
}
