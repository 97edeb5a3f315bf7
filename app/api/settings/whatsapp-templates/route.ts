// GET/PUT /api/settings/whatsapp-templates — reads (approvers, admins) or replaces (admins; audited) the WhatsApp templates.
import { clientIp } from '@/lib/auth/sign-in-limit';
import { setWhatsappTemplates } from '@/lib/commands/settings/set-whatsapp-templates';
import { guardedRoute } from '@/lib/handlers/route';
import { getWhatsappTemplates } from '@/lib/queries/admin/settings';
import { whatsappTemplatesBodySchema } from '@/lib/schemas/settings';

export const GET = guardedRoute({ guard: 'actions:decide' }, async ({ actor }) => Response.json(await getWhatsappTemplates(actor)));

export const PUT = guardedRoute({ guard: 'settings:manage', body: whatsappTemplatesBodySchema }, async ({ request, actor, body: { templates } }) => {
  await setWhatsappTemplates(actor, templates, clientIp(request.headers));
  return Response.json(await getWhatsappTemplates(actor));
});
