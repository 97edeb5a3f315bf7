// GET /api/calls — calls filtered, searched and sorted, one keyset page at a time (session or Bearer token).
import { guardedRoute } from '@/lib/handlers/route';
import { listCalls } from '@/lib/queries/calls/list';
import { callFiltersSchema } from '@/lib/schemas/calls';

// Live data: never cached by the browser or a proxy in between.
export const GET = guardedRoute({ guard: 'calls:read', query: callFiltersSchema }, async ({ actor, query }) =>
  Response.json(await listCalls(actor, query), { headers: { 'cache-control': 'no-store' } }),
);
