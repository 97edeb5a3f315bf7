// POST /api/actions/{id}/mark-sent — close a needs-check action that a person found did arrive ({"reference"?}); approvers and admins.

import { markActionSent } from '@/lib/commands/actions/mark-sent';
import { guardedRoute } from '@/lib/handlers/route';
import { uuidParam } from '@/lib/http/uuid';
import { markSentSchema } from '@/lib/schemas/actions';

export const POST = guardedRoute(
  { guard: 'actions:decide', params: (p) => uuidParam(p.id ?? '', 'action'), body: markSentSchema },
  async ({ actor, params: id, body }) => Response.json({ action: await markActionSent(actor, id, body.reference ?? null) }),
);
