// POST /api/reprocess — rebuild one call ({"callId"}), one provider's ({"provider"}) or all ({"all": true}) from the stored deliveries with the current parsers; admins.
import { requireActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { errorResponse } from '@/lib/http/errors';
import { readJsonBody } from '@/lib/http/json-body';
import type { ReprocessScope } from '@/lib/ingest/reprocess-scope';
import { reprocessAs } from '@/lib/queries/reprocess';
import { reprocessSchema, type ReprocessInput } from '@/lib/schemas/reprocess';

function scopeOf(input: ReprocessInput): ReprocessScope {
  if ('callId' in input) return { kind: 'call', callId: input.callId };
  if ('provider' in input) return { kind: 'provider', provider: input.provider };
  return { kind: 'all' };
}

export async function POST(request: Request): Promise<Response> {
  try {
    const actor = await requireActor(request, 'deliveries:reprocess');
    const input = reprocessSchema.parse(await readJsonBody(request));
    return Response.json({ result: await reprocessAs(actor, scopeOf(input), clientIp(request.headers)) });
  } catch (error) {
    return errorResponse(error);
  }
}
