// GET /api/calls — calls filtered, searched and sorted, one keyset page at a time (session or Bearer token).
import { requireActor } from '@/lib/auth/actor';
import { errorResponse } from '@/lib/http/errors';
import { listCalls } from '@/lib/queries/calls';
import { callFiltersSchema, searchParamsObject } from '@/lib/schemas/calls';

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'calls:read');
    const filters = callFiltersSchema.parse(searchParamsObject(new URL(request.url).searchParams));
    // Live data: never cached by the browser or a proxy in between.
    return Response.json(await listCalls(actor, filters), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
