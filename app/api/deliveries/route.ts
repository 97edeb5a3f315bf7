// GET /api/deliveries — every webhook request, newest first, keyset-paginated and filtered (session or Bearer token).
import { requireActor } from '@/lib/auth/actor';
import { errorResponse } from '@/lib/http/errors';
import { listDeliveries } from '@/lib/queries/deliveries';
import { searchParamsObject } from '@/lib/schemas/calls';
import { deliveryFiltersSchema } from '@/lib/schemas/deliveries';

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'deliveries:read');
    const filters = deliveryFiltersSchema.parse(searchParamsObject(new URL(request.url).searchParams));
    return Response.json(await listDeliveries(actor, filters));
  } catch (error) {
    return errorResponse(error);
  }
}
