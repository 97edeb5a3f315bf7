// POST /api/reprocess — rebuild one call ({"callId"}), one provider's ({"provider"}) or all ({"all": true}) from the stored deliveries with the current parsers; admins.
import { clientIp } from '@/lib/auth/sign-in-limit';
import { reprocessAs } from '@/lib/commands/deliveries/reprocess';
import { guardedRoute } from '@/lib/handlers/route';
import type { ReprocessScope } from '@/lib/ingest/reprocess-scope';
import { type ReprocessInput, reprocessSchema } from '@/lib/schemas/reprocess';

function scopeOf(input: ReprocessInput): ReprocessScope {
  if ('callId' in input) return { kind: 'call', callId: input.callId };
  if ('provider' in input) return { kind: 'provider', provider: input.provider };
  return { kind: 'all' };
}

export const POST = guardedRoute({ guard: 'deliveries:reprocess', body: reprocessSchema }, async ({ request, actor, body }) =>
  Response.json({ result: await reprocessAs(actor, scopeOf(body), clientIp(request.headers)) }),
);
