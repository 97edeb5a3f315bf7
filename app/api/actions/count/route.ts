// GET /api/actions/count — {pending, attention}: the navigation badge polls it (session or Bearer token).
import { requireActor } from '@/lib/auth/actor';
import { errorResponse } from '@/lib/http/errors';
import { actionCounts } from '@/lib/queries/actions';

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'actions:read');
    return Response.json(await actionCounts(actor), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
