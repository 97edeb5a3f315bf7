// GET /api/alerts — alerts, newest opened first (state=open|resolved|all, rule, cursor, limit), with the open count; every signed-in role.
import { guardedRoute } from '@/lib/handlers/route';
import { listAlerts } from '@/lib/queries/alerts/list';
import { alertListQuerySchema } from '@/lib/schemas/alerts';

export const GET = guardedRoute({ guard: 'calls:read', query: alertListQuerySchema }, async ({ actor, query }) =>
  Response.json(await listAlerts(actor, query)),
);
