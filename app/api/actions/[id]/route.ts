// GET /api/actions/{id} — one action's whole life: call, decision, edit, outbox, every attempt (session or Bearer token).
import { guardedRoute } from '@/lib/handlers/route';
import { AppError } from '@/lib/http/errors';
import { uuidParam } from '@/lib/http/uuid';
import { getActionDetail } from '@/lib/queries/actions/detail';

export const GET = guardedRoute({ guard: 'actions:read', params: (p) => uuidParam(p.id ?? '', 'action') }, async ({ actor, params: id }) => {
  const action = await getActionDetail(actor, id);
  if (!action) throw new AppError(404, 'not_found', `No action with id ${id}`);
  return Response.json({ action });
});
