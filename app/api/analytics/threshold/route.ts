// GET/PUT /api/analytics/threshold — reads, or sets or clears, the low-balance threshold (setting: admins; audited).
import { thresholdSchema } from '@/lib/analytics/schema';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { setLowBalanceThreshold } from '@/lib/commands/settings/set-low-balance-threshold';
import { guardedRoute } from '@/lib/handlers/route';
import { getLowBalanceThreshold } from '@/lib/queries/admin/settings';

export const GET = guardedRoute({ guard: 'calls:read' }, async ({ actor }) => Response.json({ threshold: await getLowBalanceThreshold(actor) }));

export const PUT = guardedRoute({ guard: 'settings:manage', body: thresholdSchema }, async ({ request, actor, body: { threshold } }) => {
  await setLowBalanceThreshold(actor, threshold, clientIp(request.headers));
  return Response.json({ threshold });
});
