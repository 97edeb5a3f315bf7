// POST /api/actions/{id}/resend — send a failed WhatsApp message again as a template (131047 outside the window, 132000/132001 a wrong template), same outbox key; approvers and admins.

import { resendAsTemplate } from '@/lib/commands/actions/resend-as-template';
import { guardedRoute } from '@/lib/handlers/route';
import { uuidParam } from '@/lib/http/uuid';
import { resendSchema } from '@/lib/schemas/actions';

export const POST = guardedRoute(
  { guard: 'actions:decide', params: (p) => uuidParam(p.id ?? '', 'action'), body: resendSchema },
  async ({ actor, params: id, body }) => Response.json({ action: await resendAsTemplate(actor, id, body) }),
);
