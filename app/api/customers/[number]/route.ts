// GET /api/customers/{number} — one customer's timeline, newest first: every call, action and WhatsApp message (E.164 number URL-encoded, or call-<callId>; limit, cursor → nextCursor).
import { guardedRoute } from '@/lib/handlers/route';
import { AppError } from '@/lib/http/errors';
import { parseCustomerRef } from '@/lib/queries/customers/message-state';
import { getCustomerTimeline } from '@/lib/queries/customers/timeline';
import { customerTimelineQuerySchema } from '@/lib/schemas/customers';

const refParam = (raw: string) => {
  const ref = parseCustomerRef(raw);
  if (!ref) throw new AppError(404, 'not_found', 'No customer by that number or call');
  return ref;
};

export const GET = guardedRoute(
  { guard: 'calls:read', params: (p) => refParam(p.number ?? ''), query: customerTimelineQuerySchema },
  async ({ actor, params: ref, query }) => {
    const timeline = await getCustomerTimeline(actor, ref, query);
    if (!timeline) throw new AppError(404, 'not_found', ref.kind === 'call' ? 'That call has no customer number, or does not exist' : 'No such customer');
    return Response.json(timeline, { headers: { 'cache-control': 'no-store' } });
  },
);
