// GET /api/deliveries — every webhook request, newest first, keyset-paginated and filtered (session or Bearer token).
import { guardedRoute } from '@/lib/handlers/route';
import { listDeliveries } from '@/lib/queries/deliveries/list';
import { deliveryFiltersSchema } from '@/lib/schemas/deliveries';

export const GET = guardedRoute({ guard: 'deliveries:read', query: deliveryFiltersSchema }, async ({ actor, query }) =>
  Response.json(await listDeliveries(actor, query)),
);
