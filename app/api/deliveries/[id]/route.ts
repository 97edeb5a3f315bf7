// GET /api/deliveries/{id} — one delivery with its headers (secrets masked) and body (masked for viewers).
import { requireActor } from '@/lib/auth/actor';
import { AppError, errorResponse } from '@/lib/http/errors';
import { getDelivery } from '@/lib/queries/deliveries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await requireActor(request, 'deliveries:read');
    const { id } = await params;
    const delivery = UUID.test(id) ? await getDelivery(actor, id) : null;
    if (!delivery) throw new AppError(404, 'not_found', `No delivery with id ${id}`);
    return Response.json({ delivery });
  } catch (error) {
    return errorResponse(error);
  }
}
