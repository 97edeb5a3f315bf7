// GET/PUT /api/settings/alert-rules — reads (approvers, admins) or replaces (admins; audited) the alert rules' settings.
import { clientIp } from '@/lib/auth/sign-in-limit';
import { setAlertRules } from '@/lib/commands/alerts/set-alert-rules';
import { guardedRoute } from '@/lib/handlers/route';
import { getAlertRules } from '@/lib/queries/alerts/settings';
import { alertRulesBodySchema } from '@/lib/schemas/alerts';

export const GET = guardedRoute({ guard: 'actions:decide' }, async ({ actor }) => Response.json(await getAlertRules(actor)));

export const PUT = guardedRoute({ guard: 'settings:manage', body: alertRulesBodySchema }, async ({ request, actor, body: { rules } }) => {
  await setAlertRules(actor, rules, clientIp(request.headers));
  return Response.json(await getAlertRules(actor));
});
