// GET /api/cron/prune-deliveries — daily: delete deliveries older than DELIVERY_RETENTION_DAYS (CRON_SECRET).

import { pruneDeliveries } from '@/lib/commands/deliveries/prune-deliveries';
import { env } from '@/lib/env';
import { guardedRoute } from '@/lib/handlers/route';

const DAY_MS = 24 * 60 * 60 * 1000;
// Stop well inside a serverless function's time limit; whatever is left goes tomorrow.
const TIME_BUDGET_MS = 20_000;

export const GET = guardedRoute({ guard: 'cron' }, async () => {
  const days = env().DELIVERY_RETENTION_DAYS;
  const before = new Date(Date.now() - days * DAY_MS);
  const result = await pruneDeliveries({ before, deadline: new Date(Date.now() + TIME_BUDGET_MS) });
  return Response.json({ ok: true, retentionDays: days, before: before.toISOString(), ...result });
});
