// GET /api/actions — actions raised by calls, oldest first; ?status=pending for the queue (session or Bearer token).
import { guardedRoute } from '@/lib/handlers/route';
import { listActions } from '@/lib/queries/actions/list';
import { actionFiltersSchema } from '@/lib/schemas/actions';

export const GET = guardedRoute({ guard: 'actions:read', query: actionFiltersSchema }, async ({ actor, query }) =>
  Response.json({ actions: await listActions(actor, query) }, { headers: { 'cache-control': 'no-store' } }),
);
