// GET /api/actions — actions raised by calls, oldest first, one keyset page at a time (limit, cursor → nextCursor); ?status=pending for the queue (session or Bearer token).
import { guardedRoute } from '@/lib/handlers/route';
import { listActionsPage } from '@/lib/queries/actions/list';
import { actionFiltersSchema } from '@/lib/schemas/actions';

export const GET = guardedRoute({ guard: 'actions:read', query: actionFiltersSchema }, async ({ actor, query }) =>
  Response.json(await listActionsPage(actor, query), { headers: { 'cache-control': 'no-store' } }),
);
