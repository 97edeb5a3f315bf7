// POST /api/alerts/{id}/acknowledge — say someone is on it (approvers and admins; audited); it still resolves when its condition ends.
import { clientIp } from '@/lib/auth/sign-in-limit';
import { acknowledgeAlert } from '@/lib/commands/alerts/acknowledge';
import { guardedRoute } from '@/lib/handlers/route';
import { uuidParam } from '@/lib/http/uuid';

export const POST = guardedRoute({ guard: 'actions:decide', params: (p) => uuidParam(p.id ?? '', 'alert') }, async ({ request, actor, params: id }) =>
  Response.json({ alert: await acknowledgeAlert(actor, id, clientIp(request.headers)) }),
);
