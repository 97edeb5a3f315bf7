// PUT /api/analytics/threshold — sets or clears the low-balance threshold (admins; audited).
import { requireActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { thresholdSchema } from '@/lib/analytics/schema';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/json-body';
import { getLowBalanceThreshold, setLowBalanceThreshold } from '@/lib/queries/settings';

export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'calls:read');
    return Response.json({ threshold: await getLowBalanceThreshold(actor) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function PUT(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'settings:manage');
    const { threshold } = thresholdSchema.parse(await readJsonBody(request));
    await setLowBalanceThreshold(actor, threshold, clientIp(request.headers));
    return Response.json({ threshold });
  } catch (error) {
    return errorResponse(error);
  }
}
