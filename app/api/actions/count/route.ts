// GET /api/actions/count — {pending, attention}: the navigation badge polls it (session or Bearer token).
import { guardedRoute } from '@/lib/handlers/route';
import { actionCounts } from '@/lib/queries/actions/list';

export const GET = guardedRoute({ guard: 'actions:read' }, async ({ actor }) =>
  Response.json(await actionCounts(actor), { headers: { 'cache-control': 'no-store' } }),
);
