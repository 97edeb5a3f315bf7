// GET /api/calls/{id} — one call with its timeline, transcript, analysis, credits and actions.
import { guardedRoute } from '@/lib/handlers/route';
import { AppError } from '@/lib/http/errors';
import { uuidParam } from '@/lib/http/uuid';
import { getCall } from '@/lib/queries/calls/detail';

export const GET = guardedRoute({ guard: 'calls:read', params: (p) => uuidParam(p.id ?? '', 'call') }, async ({ actor, params: id }) => {
  const call = await getCall(actor, id);
  if (!call) throw new AppError(404, 'not_found', `No call with id ${id}`);
  return Response.json({ call });
});
