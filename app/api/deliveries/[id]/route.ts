// GET /api/deliveries/{id} — one delivery with its headers (secrets masked) and body (masked for viewers).
import { guardedRoute } from '@/lib/handlers/route';
import { AppError } from '@/lib/http/errors';
import { uuidParam } from '@/lib/http/uuid';
import { getDelivery } from '@/lib/queries/deliveries/list';

export const GET = guardedRoute({ guard: 'deliveries:read', params: (p) => uuidParam(p.id ?? '', 'delivery') }, async ({ actor, params: id }) => {
  const delivery = await getDelivery(actor, id);
  if (!delivery) throw new AppError(404, 'not_found', `No delivery with id ${id}`);
  return Response.json({ delivery });
});
